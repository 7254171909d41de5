package org.readerpass.ldapsync.sync;

import java.util.List;
import java.util.UUID;

/**
 * Loads every reader entry of a library's directory into the reader accounts: creates the new
 * ones, updates the changed ones, restores the ones that were missing, suspends the ones the
 * directory no longer holds (behind a safety brake) and purges those missing longer than the grace
 * period.
 */
public interface FullSync {

	/**
	 * Syncs one library. Never throws for a directory or database problem: the result says it.
	 * @throws IllegalArgumentException when no directory is configured for the library
	 */
	SyncResult run(String libraryCode);

	/** Syncs every configured library concurrently; one failing never stops the others. In configuration order. */
	List<SyncResult> runAll();

	/**
	 * Syncs the given libraries concurrently, as {@link #runAll()} does every library; in the
	 * order given. By default one after another.
	 */
	default List<SyncResult> runAll(List<String> libraryCodes) {
		return libraryCodes.stream().map(this::run).toList();
	}

	/**
	 * An admin's confirmation that the deletions a braked run found are real: syncs the library
	 * again and lets it suspend as many missing accounts as the braked run found
	 * ({@link SyncResult.Deletions#missing()}). A run that ends early still suspends nobody, and one that finds
	 * more missing accounts than confirmed is braked again.
	 * @param brakedRunId the library's latest run, braked for {@link BrakeReason#TOO_MANY_MISSING} or
	 * {@link BrakeReason#EMPTY_RESULT}
	 * @throws IllegalStateException when that run is not the library's latest or was not braked for
	 * one of those reasons
	 */
	default SyncResult confirmDeletions(String libraryCode, UUID brakedRunId) {
		throw new UnsupportedOperationException("this FullSync cannot confirm deletions");
	}

}

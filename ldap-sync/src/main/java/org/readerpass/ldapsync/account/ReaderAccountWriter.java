package org.readerpass.ldapsync.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The write side used by the sync: batched upserts keyed on (library code, directory id). */
public interface ReaderAccountWriter {

	/**
	 * Creates the accounts not stored yet (linking each to a reader), updates the ones whose data
	 * changed, restores the missing ones (status from the directory again, same id and reader) and
	 * leaves the rest alone. Every account of the batch is marked as seen by {@code runId}. The
	 * reader of an existing account never changes here.
	 * @param accounts one batch; each (library code, directory id) at most once
	 * @param runId the sync run reading these accounts (see {@link MissingAccounts})
	 */
	WriteCounts write(List<DirectoryAccount> accounts, Instant syncedAt, UUID runId);

	/**
	 * {@link #write(List, Instant, UUID)}, told which accounts had a resident ID number in their
	 * directory that is not valid (so not linked by it), for the reason recorded with a new
	 * account's link ({@code LinkReason.INVALID_RESIDENT_ID} in {@code linking}). The numbers themselves never get here.
	 * @param invalidResidentIds directory ids of the batch's accounts whose resident ID number is invalid
	 */
	default WriteCounts write(List<DirectoryAccount> accounts, Instant syncedAt, UUID runId,
			Set<String> invalidResidentIds) {
		return write(accounts, syncedAt, runId);
	}

	/**
	 * Marks the library's accounts with these directory ids as seen by {@code runId} without
	 * changing them: their entries are still in the directory but could not be read this time
	 * (malformed), so they are not missing.
	 */
	void markSeen(String libraryCode, List<String> directoryIds, Instant at, UUID runId);

	/** @param restored missing accounts found again (counted in neither {@code updated} nor {@code unchanged}) */
	record WriteCounts(int created, int updated, int unchanged, int restored) {

		public WriteCounts(int created, int updated, int unchanged) {
			this(created, updated, unchanged, 0);
		}

	}

}

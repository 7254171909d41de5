package org.readerpass.ldapsync.sync;

/**
 * Reads only the reader entries of a library created or changed since its last complete run, by
 * the directory's change timestamps, and creates and updates their accounts (new, changed,
 * disabled, expired). It never suspends or purges: deletions need a {@link FullSync full sync}.
 */
public interface IncrementalSync {

	/**
	 * Syncs the library's changes. Never throws for a directory or database problem: the result says
	 * it. A library without a high-water mark yet (no complete run) is not read: the result has no
	 * run id and says so in its error.
	 * @throws IllegalArgumentException when no directory is configured for the library
	 */
	SyncResult run(String libraryCode);

}

package org.readerpass.ldapsync.sync;

import java.util.List;

/**
 * Loads every reader entry of a library's directory into the reader accounts: creates the new
 * ones, updates the changed ones. (Accounts that vanished from the directory are left alone for
 * now.)
 */
public interface FullSync {

	/**
	 * Syncs one library. Never throws for a directory or database problem: the result says it.
	 * @throws IllegalArgumentException when no directory is configured for the library
	 */
	SyncResult run(String libraryCode);

	/** Syncs every configured library concurrently; one failing never stops the others. In configuration order. */
	List<SyncResult> runAll();

}

package org.readerpass.ldapsync.account;

import java.time.Instant;
import java.util.List;

/** The write side used by the sync: batched upserts keyed on (library code, directory id). */
public interface ReaderAccountWriter {

	/**
	 * Creates the accounts not stored yet (linking each to a reader), updates the ones whose data
	 * changed and leaves the rest alone. The reader of an existing account never changes here.
	 * @param accounts one batch; each (library code, directory id) at most once
	 */
	WriteCounts write(List<DirectoryAccount> accounts, Instant syncedAt);

	record WriteCounts(int created, int updated, int unchanged) {

	}

}

package org.readerpass.ldapsync.sync;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The record of every sync run, for operators and the admin UI. */
public interface SyncRuns {

	void record(SyncResult result);

	/** The library's latest runs, newest first. */
	List<SyncResult> latest(String libraryCode, int limit);

	Optional<SyncResult> find(UUID runId);

}

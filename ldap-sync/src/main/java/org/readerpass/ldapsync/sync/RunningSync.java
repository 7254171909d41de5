package org.readerpass.ldapsync.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A sync run in flight, as it stands now.
 *
 * @param runId the id the run will be recorded under in {@link SyncRuns}
 * @param libraryCode the library being read
 * @param kind a full or an incremental run
 * @param started when the run started
 * @param done entries handled so far (malformed ones included, as {@link SyncResult.Counts#read()} counts them)
 * @param expected entries the run is expected to read: for a full run the {@code read} count of the
 * library's latest complete full run; {@code null} when there is none (the library's first full
 * run) and for an incremental run (how many entries changed is not known before the read)
 */
public record RunningSync(UUID runId, String libraryCode, SyncKind kind, Instant started, long done, Long expected) {

}

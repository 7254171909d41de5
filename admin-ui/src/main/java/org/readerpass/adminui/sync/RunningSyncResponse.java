package org.readerpass.adminui.sync;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.readerpass.ldapsync.sync.RunningSync;

/**
 * A sync run in flight as the admin API shows it.
 *
 * @param id the id the run will be recorded under
 * @param kind {@code full}, {@code incremental} or {@code persist}
 * @param done entries handled so far
 * @param expected entries a full run is expected to read (the last complete full run's count), else {@code null}
 */
public record RunningSyncResponse(UUID id, String library, String kind, Instant started, long done,
		@Schema(types = { "integer", "null" }) Long expected) {

	static RunningSyncResponse of(RunningSync run) {
		return new RunningSyncResponse(run.runId(), run.libraryCode(), SyncRunResponse.kind(run.kind()), run.started(),
				run.done(), run.expected());
	}

}

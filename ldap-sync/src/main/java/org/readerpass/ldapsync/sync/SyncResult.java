package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one sync run of one library did.
 *
 * @param runId the run's id (in {@link SyncRuns}); {@code null} for a run that did not start
 * @param read entries the directory returned (malformed ones included)
 * @param created accounts stored for the first time
 * @param updated accounts whose data changed
 * @param unchanged accounts already up to date
 * @param failed entries skipped (missing or malformed attribute, duplicate directory id)
 * @param failures {@code "dn: reason"} of the first skipped entries (at most
 * {@value SyncRun#MAX_REPORTED_FAILURES})
 * @param error why the run stopped early (directory unreachable, bind refused, size limit,
 * database), or {@code null} when it read the directory to the end
 * @param missing accounts the directory no longer holds, as a complete run found them (0 when the
 * run ended early)
 * @param suspended missing accounts this run suspended ({@code missing}, or 0 when braked)
 * @param restored missing accounts found again, now as the directory has them
 * @param purged accounts deleted because they had been missing longer than the grace period
 * @param brakeReason why this run suspended nobody, or {@code null}
 * @param confirmsRun the braked run whose deletions an admin confirmed with this run, or {@code null}
 * @param kind a full or an incremental run
 * @param highWaterMark the latest change timestamp (the directory's clock) of the entries this run
 * read, or {@code null} when none had one
 */
public record SyncResult(UUID runId, String libraryCode, int read, int created, int updated, int unchanged,
		int failed, List<String> failures, Instant started, Instant finished, String error, int missing,
		int suspended, int restored, int purged, BrakeReason brakeReason, UUID confirmsRun, SyncKind kind,
		Instant highWaterMark) {

	public SyncResult {
		failures = List.copyOf(failures);
		kind = (kind != null) ? kind : SyncKind.FULL;
	}

	/** A full run's result without a high-water mark. */
	public SyncResult(UUID runId, String libraryCode, int read, int created, int updated, int unchanged, int failed,
			List<String> failures, Instant started, Instant finished, String error, int missing, int suspended,
			int restored, int purged, BrakeReason brakeReason, UUID confirmsRun) {
		this(runId, libraryCode, read, created, updated, unchanged, failed, failures, started, finished, error, missing,
				suspended, restored, purged, brakeReason, confirmsRun, SyncKind.FULL, null);
	}

	/** A result without deletions (no run id, nothing missing, suspended, restored or purged). */
	public SyncResult(String libraryCode, int read, int created, int updated, int unchanged, int failed,
			List<String> failures, Instant started, Instant finished, String error) {
		this(null, libraryCode, read, created, updated, unchanged, failed, failures, started, finished, error, 0, 0, 0,
				0, null, null);
	}

	/** Whether the run read the directory to the end. */
	public boolean completed() {
		return this.error == null;
	}

	/** Whether the safety brake held back the suspensions of this run. */
	public boolean braked() {
		return this.brakeReason != null;
	}

	public Duration duration() {
		return Duration.between(this.started, this.finished);
	}

}

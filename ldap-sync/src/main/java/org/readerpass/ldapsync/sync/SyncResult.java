package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one sync run of one library did.
 *
 * @param runId the run's id (in {@link SyncRuns}); {@code null} for a run that did not start
 * @param libraryCode the library's code
 * @param kind a full, an incremental or a persist run
 * @param started when the run started (or was refused)
 * @param finished when it ended
 * @param counts what it did to the entries it read
 * @param error why the run stopped early (directory unreachable, bind refused, size limit,
 * database), or {@code null} when it read the directory to the end
 * @param deletions what it did to the accounts the directory no longer holds
 * @param confirmsRun the braked run whose deletions an admin confirmed with this run, or {@code null}
 * @param highWaterMark the directory's time at the start of the run, taken before it read (its own
 * clock, or a lower bound of it when the directory cannot tell its time); the next incremental
 * run reads from it. {@code null} when not known, and for content-sync runs
 */
public record SyncResult(UUID runId, String libraryCode, SyncKind kind, Instant started, Instant finished,
		Counts counts, String error, Deletions deletions, UUID confirmsRun, Instant highWaterMark) {

	public SyncResult {
		kind = (kind != null) ? kind : SyncKind.FULL;
		Objects.requireNonNull(counts, "counts");
		Objects.requireNonNull(deletions, "deletions");
	}

	/**
	 * A run that did not start (no run id, nothing read, nothing deleted).
	 * @param why why not, as {@link #error()}
	 * @param confirms the braked run it was to confirm, or {@code null}
	 */
	public static SyncResult notStarted(String libraryCode, SyncKind kind, Instant started, Instant finished,
			String why, UUID confirms) {
		return new SyncResult(null, libraryCode, kind, started, finished, Counts.NONE, why, Deletions.NONE, confirms,
				null);
	}

	/** Whether the run read the directory to the end. */
	public boolean completed() {
		return this.error == null;
	}

	/** Whether the safety brake held back the suspensions of this run. */
	public boolean braked() {
		return this.deletions.brakeReason() != null;
	}

	public Duration duration() {
		return Duration.between(this.started, this.finished);
	}

	/**
	 * What a run did to the entries it read.
	 *
	 * @param read entries the directory returned (malformed ones included)
	 * @param created accounts stored for the first time
	 * @param updated accounts whose data changed
	 * @param unchanged accounts already up to date
	 * @param failed entries skipped (missing or malformed attribute, duplicate directory id)
	 * @param failures {@code "dn: reason"} of the first skipped entries (at most
	 * {@value SyncRun#MAX_REPORTED_FAILURES})
	 */
	public record Counts(int read, int created, int updated, int unchanged, int failed, List<String> failures) {

		/** Nothing read. */
		public static final Counts NONE = new Counts(0, 0, 0, 0, 0, List.of());

		public Counts {
			failures = List.copyOf(failures);
		}

	}

	/**
	 * What a run did to the accounts the directory no longer holds.
	 *
	 * @param missing accounts the directory no longer holds, as a complete run found them (0 when
	 * the run ended early)
	 * @param suspended missing accounts this run suspended ({@code missing}, or 0 when braked)
	 * @param restored missing accounts found again, now as the directory has them
	 * @param purged accounts deleted because they had been missing longer than the grace period
	 * @param brakeReason why this run suspended nobody, or {@code null}
	 */
	public record Deletions(int missing, int suspended, int restored, int purged, BrakeReason brakeReason) {

		/** Nothing missing, suspended, restored or purged; not braked. */
		public static final Deletions NONE = new Deletions(0, 0, 0, 0, null);

	}

}

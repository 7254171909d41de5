package org.readerpass.adminui.sync;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.readerpass.ldapsync.sync.BrakeReason;
import org.readerpass.ldapsync.sync.HighWaterMark;
import org.readerpass.ldapsync.sync.SyncKind;
import org.readerpass.ldapsync.sync.SyncResult;

/**
 * One recorded sync run as the admin API shows it.
 *
 * @param id the run's id
 * @param library the library's code
 * @param kind {@code full} or {@code incremental}
 * @param started when the run started
 * @param finished when it ended
 * @param counts what it did to entries and accounts
 * @param failures {@code "dn: reason"} of the first skipped entries
 * @param brakeReason why it suspended nobody ({@code too-many-missing}, {@code empty-result},
 * {@code connection-lost}, ...), or {@code null}
 * @param confirmable whether an admin may confirm its deletions (braked for {@code too-many-missing}
 * or {@code empty-result}; it must also still be the library's latest full run)
 * @param confirmsRun the braked run whose deletions this run was confirmed for, or {@code null}
 * @param error why the run stopped early, or {@code null} when it read the directory to the end
 * @param highWaterMark the mark the run recorded: the directory's own time when the run started
 * (see docs/directory-sync.md), or {@code null}
 */
@Schema(name = "SyncRun", description = "One sync run of one library")
public record SyncRunResponse(UUID id, String library, String kind, Instant started, Instant finished,
		Counts counts, List<String> failures, String brakeReason, boolean confirmable, UUID confirmsRun,
		String error, Instant highWaterMark) {

	static SyncRunResponse of(SyncResult run) {
		SyncResult.Counts counts = run.counts();
		SyncResult.Deletions deletions = run.deletions();
		return new SyncRunResponse(run.runId(), run.libraryCode(), kind(run.kind()), run.started(), run.finished(),
				new Counts(counts.read(), counts.created(), counts.updated(), counts.unchanged(), deletions.missing(),
						deletions.suspended(), deletions.restored(), deletions.purged(), counts.failed()),
				counts.failures(), brakeReason(deletions.brakeReason()),
				run.braked() && deletions.brakeReason().confirmable(), run.confirmsRun(), run.error(),
				run.highWaterMark());
	}

	/** {@code full}, {@code incremental}. */
	static String kind(SyncKind kind) {
		return kind.name().toLowerCase(Locale.ROOT);
	}

	/** {@code too-many-missing}, ... or {@code null}. */
	static String brakeReason(BrakeReason reason) {
		return (reason != null) ? reason.name().toLowerCase(Locale.ROOT).replace('_', '-') : null;
	}

	/**
	 * @param read entries the directory returned (malformed ones included)
	 * @param created accounts stored for the first time
	 * @param updated accounts whose data changed
	 * @param unchanged accounts already up to date
	 * @param missing accounts the directory no longer holds (0 when the run ended early)
	 * @param suspended missing accounts this run suspended (0 when braked)
	 * @param restored missing accounts found again
	 * @param purged accounts deleted after the grace period
	 * @param failed entries skipped (see {@code failures})
	 */
	@Schema(name = "SyncRunCounts")
	public record Counts(int read, int created, int updated, int unchanged, int missing, int suspended, int restored,
			int purged, int failed) {

	}

	/**
	 * A library's high-water mark: where its next incremental run reads from (less the overlap,
	 * and less the run's duration for a mark a version before 2026-12-04 stored).
	 * @param timestamp the directory's own time when the last complete run started
	 * @param runDuration {@code PT0S} for marks recorded since 2026-12-04; for an older mark, how
	 * long its run took (ISO-8601 duration, {@code PT1.5S})
	 */
	@Schema(name = "SyncHighWaterMark")
	public record Mark(Instant timestamp, String runDuration) {

		static Mark of(HighWaterMark mark) {
			return new Mark(mark.timestamp(), mark.runDuration().toString());
		}

	}

}

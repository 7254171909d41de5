package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a library's next incremental run starts reading: the directory's time at the start of the
 * library's latest complete run (or a lower bound of it), so every change made since carries a
 * timestamp at or after it. See docs/decisions/2026-12-04-sync-mark-follows-directory-clock.md.
 *
 * @param timestamp by the directory's clock: the start of the complete run that set the mark
 * @param runDuration zero for every mark set since the mark follows the directory's clock; a mark
 * stored before (the latest change timestamp a run read, by a version that took the run's duration
 * back when reading) keeps that run's duration, and is read from that much earlier
 */
public record HighWaterMark(Instant timestamp, Duration runDuration) {

	/** A mark as recorded now: the directory's time at the start of the run. */
	public static HighWaterMark at(Instant timestamp) {
		return new HighWaterMark(timestamp, Duration.ZERO);
	}

	/** The directory's time at the start of the run that set the mark, at the latest. */
	public Instant readFrom() {
		return this.timestamp.minus(this.runDuration);
	}

	/** The moment an incremental run reads from: {@link #readFrom()} less the overlap. */
	public Instant since(Duration overlap) {
		return readFrom().minus(overlap);
	}

}

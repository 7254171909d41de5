package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a library's next incremental run starts reading.
 *
 * @param timestamp the latest change timestamp (the directory's clock) of the entries read by a
 * complete run
 * @param runDuration how long that run took: an entry changed during the run after it had been
 * read may carry a timestamp up to this much before {@code timestamp}
 */
public record HighWaterMark(Instant timestamp, Duration runDuration) {

	/** The moment an incremental run reads from: the mark less the run's duration and the overlap. */
	public Instant since(Duration overlap) {
		return this.timestamp.minus(this.runDuration).minus(overlap);
	}

}

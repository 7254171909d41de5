package org.readerpass.authserver.abuse;

import java.time.Duration;
import java.time.Instant;

/**
 * A key's count and when its window ends.
 *
 * @param count how many were counted in the window; 0 when the store could not count
 * @param end when the window ends (its count is then over)
 */
public record Window(long count, Instant end) {

	public boolean isOpenAt(Instant now) {
		return now.isBefore(this.end);
	}

	/** The whole seconds until the window ends, at least 1: a {@code Retry-After}. */
	public long secondsLeft(Instant now) {
		return secondsLeft(now, this.end);
	}

	/** The whole seconds from {@code now} until {@code end}, at least 1. */
	static long secondsLeft(Instant now, Instant end) {
		long millis = Duration.between(now, end).toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

}

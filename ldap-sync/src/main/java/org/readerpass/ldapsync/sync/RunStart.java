package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The directory's time at the start of one run, taken before the run reads anything: the
 * directory's own clock when it can tell it, else the best lower bound of it this node has
 * ({@link RunStarts}). What a complete run records as its high-water mark ({@link #mark}).
 */
final class RunStart {

	/**
	 * How much slower than this node's the directory's clock may run (0.1 %): an elapsed time is
	 * credited to the directory's clock at 99.9 %, and a run's duration taken back at 100.1 %.
	 */
	static final double RATE_ALLOWANCE = 0.001;

	private final Instant time;

	private final boolean told;

	private final long nanos;

	private final LongSupplier nanoTime;

	/**
	 * @param time the directory's time at the start, a lower bound of it, or {@code null} when
	 * nothing is known yet
	 * @param told whether {@code time} is the directory's own answer
	 * @param nanos this node's monotonic time ({@code nanoTime}) once {@code time} was known
	 */
	RunStart(Instant time, boolean told, long nanos, LongSupplier nanoTime) {
		this.time = time;
		this.told = told;
		this.nanos = nanos;
		this.nanoTime = nanoTime;
	}

	/** The directory's time at the start, as the directory told it; {@code null} when it could not. */
	Instant told() {
		return this.told ? this.time : null;
	}

	long nanos() {
		return this.nanos;
	}

	/**
	 * The high-water mark of the run when it read the directory to the end: every change made after
	 * the run started carries a timestamp at or after it. The directory's time at the start when it
	 * told it. Otherwise the later of the lower bound known at the start and the run's latest change
	 * timestamp less the run's duration so far (that entry may have been changed during the run, at
	 * most this long after the start), or {@code null} when neither is known.
	 * @param latestChange the latest change timestamp of the entries the run read, or {@code null}
	 */
	Instant mark(Instant latestChange) {
		if (this.told || latestChange == null) {
			return this.time;
		}
		long elapsed = Math.max(0, this.nanoTime.getAsLong() - this.nanos);
		Instant fromChanges = latestChange.minus(Duration.ofNanos((long) Math.ceil(elapsed * (1 + RATE_ALLOWANCE))));
		return (this.time == null || fromChanges.isAfter(this.time)) ? fromChanges : this.time;
	}

	/** {@code time}, the directory's time {@code nanos} later at the least: the elapsed time at 99.9 %. */
	static Instant advanced(Instant time, long fromNanos, long toNanos) {
		long elapsed = Math.max(0, toNanos - fromNanos);
		return time.plus(Duration.ofNanos((long) Math.floor(elapsed * (1 - RATE_ALLOWANCE))));
	}

}

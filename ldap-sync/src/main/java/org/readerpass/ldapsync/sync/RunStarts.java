package org.readerpass.ldapsync.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.readerpass.ldapsync.connector.DirectoryClock;

/**
 * Takes each run's {@link RunStart} and remembers, per library, the latest mark this node recorded
 * with the monotonic moment it held ({@code System.nanoTime}, never stepped by NTP). When the
 * directory cannot tell its time, that anchor advanced by the time elapsed since (at 99.9 %, for a
 * directory clock that runs slow) is a lower bound of the directory's time now: with it the mark
 * follows the directory's clock without asking it, and an idle directory's next runs read nothing.
 * The stored mark (another node's, or from before a restart) is a lower bound too; the later of the
 * two is taken. Nothing here is persisted: after a restart the first run starts from the stored
 * mark alone. See docs/decisions/2026-12-04-sync-mark-follows-directory-clock.md.
 */
final class RunStarts {

	private final LongSupplier nanoTime;

	private final Map<String, Anchor> anchors = new ConcurrentHashMap<>();

	RunStarts(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/**
	 * The start of a run of the library, taken before it reads: the directory's own time if it tells
	 * it, else the later of the stored mark and this node's anchor advanced to now.
	 * @param stored the library's stored high-water mark, if any (asked only when the directory cannot tell)
	 */
	RunStart start(String library, Optional<DirectoryClock> clock, Supplier<Optional<HighWaterMark>> stored) {
		Optional<Instant> told = clock.flatMap(DirectoryClock::currentTime);
		long now = this.nanoTime.getAsLong(); // after the directory answered: its time then is at least `told`
		if (told.isPresent()) {
			return new RunStart(told.get(), true, now, this.nanoTime);
		}
		Instant bound = stored.get().map(HighWaterMark::readFrom).orElse(null);
		Anchor anchor = this.anchors.get(library);
		if (anchor != null) {
			Instant advanced = RunStart.advanced(anchor.mark(), anchor.nanos(), now);
			bound = (bound == null || advanced.isAfter(bound)) ? advanced : bound;
		}
		return new RunStart(bound, false, now, this.nanoTime);
	}

	/**
	 * Remembers the mark of a complete run (a lower bound of the directory's time at its start) as
	 * the library's anchor. It replaces the one before: a mark the directory told is its clock's
	 * own word (also after its clock was set back), and a bound is never below the anchor before it,
	 * advanced to the run's start.
	 */
	void completed(String library, RunStart start, Instant mark) {
		if (mark != null) {
			this.anchors.put(library, new Anchor(mark, start.nanos()));
		}
	}

	/** A lower bound of the directory's time at a monotonic moment of this node. */
	private record Anchor(Instant mark, long nanos) {

	}

}

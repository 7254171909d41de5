package org.readerpass.authserver.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code limit} requests per subject (a source address, a client) per window, shared by
 * every node through {@link Counters} under {@code rate:<endpoint>:<per>:<subject>}, counted in
 * chunks: a node claims {@code chunk} slots of the window's allowance in one count
 * ({@link Counters#count(String, Duration, Duration, long) by} the chunk, one round trip) and serves
 * that many requests from memory before it claims again.
 *
 * <p>
 * Which request is refused: a claim that brings the window's count to {@code c} gives this node
 * the slots {@code c - chunk + 1 … c}; those up to {@code limit} are usable, those past it are not.
 * A node whose claim went past the limit knows that no slot is left for anyone in this window: once
 * its own slots are used up it refuses every request until the window ends, without a round trip.
 * One node therefore serves exactly requests {@code 1 … limit} and refuses {@code limit + 1}; with
 * {@code chunk = 1} it is a count per request as before, the refused flood aside. Several nodes
 * together never serve more than {@code limit}, but slots another node claimed and has not used yet
 * are not this node's: a node may refuse while up to {@code (nodes - 1) × (chunk - 1)} slots are
 * still unused elsewhere (the other nodes serve them). A node claims again after its claim ran out
 * though the limit was exactly reached ({@code c = limit}): one more round trip per node and
 * window, which finds the limit passed.
 *
 * <p>
 * One WARN per window and subject, across all nodes: the node whose claim holds slot
 * {@code limit + 1} logs it at that claim. With {@code chunk = 1} that is the first refused request,
 * as before; with a bigger chunk it may come up to {@code chunk - 1} requests before that node's
 * first refusal (its claim's slots up to the limit are still served).
 *
 * <p>
 * The window is the store's (it opens at its first count, on whichever node), so every node agrees
 * on when it ends. Concurrent requests of one subject on one node share one claim in flight (they
 * wait for it, never for a queue of them). A store that cannot count (Redis down) lets the request
 * through, as {@link Counters} promises. Subjects whose window has ended are swept at most once a
 * window (and at least once a minute), so memory holds one entry per subject of the last windows.
 */
final class Rate {

	/** The chunk for a limit: a hundredth of it, at least 1 (limits under 200 count every request). */
	static long chunkFor(long limit) {
		return Math.max(1, limit / 100);
	}

	/** A refused request, until its window ends. */
	record Limited(Instant until) {

		long secondsLeft(Instant now) {
			return Window.secondsLeft(now, this.until);
		}

	}

	private static final Logger log = LoggerFactory.getLogger(Rate.class);

	private static final Duration SWEEP_AT_LEAST_EVERY = Duration.ofMinutes(1);

	private final Counters counters;

	private final Clock clock;

	private final String endpoint;

	private final String per;

	private final long limit;

	private final Duration window;

	private final long chunk;

	private final Duration sweepEvery;

	private final Map<String, Slots> subjects = new ConcurrentHashMap<>();

	private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

	/**
	 * A rate in chunks of {@link #chunkFor(long)}.
	 * @param endpoint what is limited ({@code token}, {@code login}…), in keys and the log
	 * @param per what a subject is ({@code address}, {@code client}), in keys and the log
	 * @param limit requests per subject and window; 0 is off
	 */
	Rate(Counters counters, Clock clock, String endpoint, String per, long limit, Duration window) {
		this(counters, clock, endpoint, per, limit, window, chunkFor(limit));
	}

	Rate(Counters counters, Clock clock, String endpoint, String per, long limit, Duration window, long chunk) {
		if (chunk < 1) {
			throw new IllegalArgumentException("A chunk is at least 1, not " + chunk);
		}
		this.counters = counters;
		this.clock = clock;
		this.endpoint = endpoint;
		this.per = per;
		this.limit = limit;
		this.window = window;
		this.chunk = chunk;
		this.sweepEvery = (window.compareTo(SWEEP_AT_LEAST_EVERY) < 0) ? window : SWEEP_AT_LEAST_EVERY;
	}

	/** One request of {@code subject}: empty when it may go on, else refused until its window ends. */
	Optional<Limited> take(String subject) {
		if (this.limit <= 0) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		sweep(now);
		while (true) {
			Slots slots = this.subjects.computeIfAbsent(subject, key -> new Slots());
			CompletableFuture<Window> claim;
			boolean claiming = false;
			synchronized (slots) {
				if (slots.swept) {
					this.subjects.remove(subject, slots);
					continue;
				}
				// the request's arrival, not the clock after a claim: a claim slower than the window
				// still serves the request that made it
				if (now.isBefore(slots.end)) {
					if (slots.left > 0) {
						slots.left--;
						return Optional.empty();
					}
					if (slots.exhausted) {
						return Optional.of(new Limited(slots.end));
					}
				}
				if (slots.claim == null) {
					slots.claim = new CompletableFuture<>();
					claiming = true;
				}
				claim = slots.claim;
			}
			Window claimed = claiming ? claim(subject, slots, claim) : claim.join();
			if (claimed.count() == 0) {
				return Optional.empty();
			}
			// the claim's slots are in: take one, or learn that the window is exhausted
		}
	}

	private Window claim(String subject, Slots slots, CompletableFuture<Window> claim) {
		Window claimed = new Window(0, this.clock.instant());
		boolean crossed = false;
		try {
			claimed = this.counters.count("rate:" + this.endpoint + ":" + this.per + ":" + subject, this.window,
					Duration.ZERO, this.chunk);
		}
		finally {
			synchronized (slots) {
				if (claimed.count() > 0) {
					crossed = slots.add(claimed, this.chunk, this.limit);
				}
				slots.claim = null;
			}
			claim.complete(claimed);
		}
		if (crossed) {
			log.warn("Rate limited endpoint={} {}={} until={}", this.endpoint, this.per, subject, claimed.end());
		}
		return claimed;
	}

	private void sweep(Instant now) {
		Instant due = this.nextSweep.get();
		if (now.isAfter(due) && this.nextSweep.compareAndSet(due, now.plus(this.sweepEvery))) {
			this.subjects.values().removeIf(slots -> slots.sweepAt(now));
		}
	}

	/** How many subjects this node holds slots for, ended windows not yet swept included. */
	int size() {
		return this.subjects.size();
	}

	/** One subject's share of its current window on this node; guarded by its monitor. */
	private static final class Slots {

		/** When the window of these slots ends; {@link Instant#MIN} before the first claim. */
		private Instant end = Instant.MIN;

		/** Slots claimed by this node, usable and not used yet. */
		private long left;

		/** A claim went past the limit: no slot is left for anyone until the window ends. */
		private boolean exhausted;

		/** The claim in flight, which requests arriving meanwhile wait for. */
		private CompletableFuture<Window> claim;

		/** Removed by a sweep: a request holding it looks the subject up again. */
		private boolean swept;

		/**
		 * A claim of {@code by} came back with the window's count: slots {@code count - by + 1 … count}
		 * are ours, those up to the limit usable. Whether this claim holds slot {@code limit + 1}
		 * (exactly one claim of a window does).
		 */
		boolean add(Window claimed, long by, long limit) {
			if (!claimed.end().equals(this.end)) {
				this.end = claimed.end();
				this.left = 0;
				this.exhausted = false;
			}
			long firstSlot = claimed.count() - by + 1;
			this.left += Math.max(0, Math.min(limit, claimed.count()) - firstSlot + 1);
			this.exhausted |= claimed.count() > limit;
			return firstSlot <= limit + 1 && limit + 1 <= claimed.count();
		}

		synchronized boolean sweepAt(Instant now) {
			if (this.claim == null && !now.isBefore(this.end)) {
				this.swept = true;
			}
			return this.swept;
		}

	}

}

package org.readerpass.authserver.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link Counters} in this node's memory (the embedded default, one node). Windows past their
 * keeping time are swept at most once a minute, by whichever count comes first once it is due.
 */
public final class InMemoryCounters implements Counters {

	private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

	private record Entry(long count, Instant end, Instant forgetAt) {
	}

	private final Clock clock;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

	public InMemoryCounters(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Window count(String key, Duration window, Duration keepAfter, long by) {
		if (by < 1) {
			throw new IllegalArgumentException("Count by at least 1, not " + by);
		}
		Instant now = this.clock.instant();
		Entry counted = this.entries.compute(key, (k, entry) -> {
			if (entry == null || !now.isBefore(entry.end())) {
				Instant end = now.plus(window);
				return new Entry(by, end, end.plus(keepAfter));
			}
			return new Entry(entry.count() + by, entry.end(), entry.forgetAt());
		});
		sweep(now);
		return new Window(counted.count(), counted.end());
	}

	@Override
	public Optional<Window> peek(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null || !this.clock.instant().isBefore(entry.forgetAt())) {
			return Optional.empty();
		}
		return Optional.of(new Window(entry.count(), entry.end()));
	}

	@Override
	public boolean forget(String key) {
		Entry entry = this.entries.remove(key);
		return entry != null && this.clock.instant().isBefore(entry.forgetAt());
	}

	private void sweep(Instant now) {
		Instant due = this.nextSweep.get();
		if (now.isAfter(due) && this.nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
			this.entries.values().removeIf(entry -> !now.isBefore(entry.forgetAt()));
		}
	}

	/** How many keys this node holds, forgotten ones not yet swept included. */
	int size() {
		return this.entries.size();
	}

}

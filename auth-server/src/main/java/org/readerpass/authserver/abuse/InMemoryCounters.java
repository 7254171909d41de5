package org.readerpass.authserver.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link Counters} in this node's memory (the embedded default, one node). Windows past their
 * keeping time are swept at most once a minute, by whichever count comes first once it is due. An
 * operation on one key runs beside others (each key's change is atomic in the map); one on several
 * keys runs alone (a write lock that every single-key operation's read lock excludes), so it reads
 * or forgets them all at one instant, as a Redis script does.
 */
public final class InMemoryCounters implements Counters {

	private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

	private record Entry(long count, Instant end, Instant forgetAt) {
	}

	private final Clock clock;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

	private final ReadWriteLock severalKeys = new ReentrantReadWriteLock();

	public InMemoryCounters(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Window count(String key, Duration window, Duration keepAfter, long by) {
		if (by < 1) {
			throw new IllegalArgumentException("Count by at least 1, not " + by);
		}
		Lock lock = this.severalKeys.readLock();
		lock.lock();
		try {
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
		finally {
			lock.unlock();
		}
	}

	@Override
	public Optional<Window> peek(String key) {
		Lock lock = this.severalKeys.readLock();
		lock.lock();
		try {
			return peek(key, this.clock.instant());
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public boolean forget(String key) {
		Lock lock = this.severalKeys.readLock();
		lock.lock();
		try {
			return forget(key, this.clock.instant());
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public List<Optional<Window>> peekAll(List<String> keys) {
		HashTags.requireOne(keys);
		Lock lock = this.severalKeys.writeLock();
		lock.lock();
		try {
			Instant now = this.clock.instant();
			return keys.stream().map(key -> peek(key, now)).toList();
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public List<Boolean> forgetAll(List<String> keys) {
		HashTags.requireOne(keys);
		Lock lock = this.severalKeys.writeLock();
		lock.lock();
		try {
			Instant now = this.clock.instant();
			return keys.stream().map(key -> forget(key, now)).toList();
		}
		finally {
			lock.unlock();
		}
	}

	private Optional<Window> peek(String key, Instant now) {
		Entry entry = this.entries.get(key);
		if (entry == null || !now.isBefore(entry.forgetAt())) {
			return Optional.empty();
		}
		return Optional.of(new Window(entry.count(), entry.end()));
	}

	private boolean forget(String key, Instant now) {
		Entry entry = this.entries.remove(key);
		return entry != null && now.isBefore(entry.forgetAt());
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

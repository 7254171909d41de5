package org.readerpass.authserver.abuse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Counters} store that counts the calls made to it: each call to {@link RedisCounters} is
 * one Redis round trip (one command or one script), so these are the round trips a caller costs.
 */
class CountingCounters implements Counters {

	private final Counters store;

	private final AtomicInteger calls = new AtomicInteger();

	CountingCounters(Counters store) {
		this.store = store;
	}

	/** Calls so far, of every operation. */
	int calls() {
		return this.calls.get();
	}

	/** The calls since the last reset; then starts again from 0. */
	int reset() {
		return this.calls.getAndSet(0);
	}

	@Override
	public Window count(String key, Duration window, Duration keepAfter, long by) {
		this.calls.incrementAndGet();
		return this.store.count(key, window, keepAfter, by);
	}

	@Override
	public Optional<Window> peek(String key) {
		this.calls.incrementAndGet();
		return this.store.peek(key);
	}

	@Override
	public boolean forget(String key) {
		this.calls.incrementAndGet();
		return this.store.forget(key);
	}

	@Override
	public List<Optional<Window>> peekAll(List<String> keys) {
		this.calls.incrementAndGet();
		return this.store.peekAll(keys);
	}

	@Override
	public List<Boolean> forgetAll(List<String> keys) {
		this.calls.incrementAndGet();
		return this.store.forgetAll(keys);
	}

}

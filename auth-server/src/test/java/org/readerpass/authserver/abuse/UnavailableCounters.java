package org.readerpass.authserver.abuse;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** {@link Counters} as a store that cannot answer behaves ({@link RedisCounters} with Redis down). */
public final class UnavailableCounters implements Counters {

	private final Clock clock;

	public UnavailableCounters(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Window count(String key, Duration window, Duration keepAfter, long by) {
		return new Window(0, this.clock.instant());
	}

	@Override
	public Optional<Window> peek(String key) {
		return Optional.empty();
	}

	@Override
	public boolean forget(String key) {
		return false;
	}

	@Override
	public List<Optional<Window>> peekAll(List<String> keys) {
		return Collections.nCopies(keys.size(), Optional.empty());
	}

	@Override
	public List<Boolean> forgetAll(List<String> keys) {
		return Collections.nCopies(keys.size(), false);
	}

}

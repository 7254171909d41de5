package org.readerpass.authserver.abuse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Counts under a key within a window that opens at the key's first count (or at the first count
 * after the previous window ended) and lasts a given time: what login failures, locks, request
 * rates, device polls and wrong user codes need. Time is the server's {@link java.time.Clock}, so
 * tests move it instead of sleeping. Embedded: {@link InMemoryCounters} (one node); several nodes:
 * {@link RedisCounters} ({@code readerpass.stores=redis}), where every node sees the same counts.
 *
 * <p>
 * Keys are the caller's; they never hold a card number or an ID number in clear. A store that
 * cannot answer never throws: it counts nothing and says so in the log, and the caller lets the
 * request through (see {@code docs/decisions/2026-12-04-login-throttle-and-rate-limits.md}).
 */
public interface Counters {

	/**
	 * Counts {@code by} more under {@code key}: one read and write, so of several nodes counting at
	 * once each gets a count of its own (a node can so claim {@code by} slots of a rate's window in one
	 * round trip).
	 * @param window how long a window lasts from its first count
	 * @param keepAfter how long an ended window is still kept (for {@link #peek}) before it is
	 * forgotten; {@link Duration#ZERO} to forget it as it ends
	 * @param by how many to add, at least 1
	 * @return the count in the current window with these included ({@code by} for a new one) and when
	 * that window ends
	 * @throws IllegalArgumentException when {@code by} is less than 1
	 */
	Window count(String key, Duration window, Duration keepAfter, long by);

	/** Counts one more: {@link #count(String, Duration, Duration, long)} by 1. */
	default Window count(String key, Duration window, Duration keepAfter) {
		return count(key, window, keepAfter, 1);
	}

	/** Counts one more, forgetting the window as it ends. */
	default Window count(String key, Duration window) {
		return count(key, window, Duration.ZERO, 1);
	}

	/** The key's window without counting: open, or ended but still kept; empty when forgotten. */
	Optional<Window> peek(String key);

	/**
	 * Forgets the key's window. Whether there was one: of several nodes forgetting the same key at
	 * once, exactly one is told so.
	 */
	boolean forget(String key);

	/**
	 * {@link #peek(String)} of several keys at once, as one read that no other operation of the
	 * store comes between (in Redis one script: one round trip). The keys must share one hash tag
	 * (<code>login:lock:account:{id}</code>, <code>login:pause:account:{id}</code>), so that Redis
	 * Cluster keeps them in one slot ({@link HashTags}).
	 * @return each key's window, in the keys' order
	 * @throws IllegalArgumentException when the keys do not share a hash tag
	 */
	List<Optional<Window>> peekAll(List<String> keys);

	/**
	 * {@link #forget(String)} of several keys of one hash tag at once, as one write (in Redis one
	 * script: one round trip).
	 * @return for each key, in the keys' order, whether it had a window (of several nodes forgetting
	 * a key at once, exactly one is told so)
	 * @throws IllegalArgumentException when the keys do not share a hash tag
	 */
	List<Boolean> forgetAll(List<String> keys);

}

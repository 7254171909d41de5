package org.readerpass.authserver.client;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used assertion ids in this node's memory, each until its assertion expires, at most
 * {@code maxEntries} at once. When full of ids that have not expired, a new assertion is refused (never
 * an old id forgotten early, which would let its assertion be replayed); with assertions living at
 * most minutes, that takes an attacker holding valid client keys or a misconfigured store size.
 */
final class InMemoryAssertionReplayStore implements AssertionReplayStore {

	private static final Logger log = LoggerFactory.getLogger(InMemoryAssertionReplayStore.class);

	private final Map<String, Instant> expiries = new HashMap<>();

	/** The same ids by expiry, soonest first: what to forget first. */
	private final PriorityQueue<Map.Entry<String, Instant>> byExpiry = new PriorityQueue<>(Map.Entry.comparingByValue());

	private final int maxEntries;

	private final Clock clock;

	InMemoryAssertionReplayStore(int maxEntries, Clock clock) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be positive");
		}
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	@Override
	public synchronized boolean firstUse(String clientId, String jti, Instant keepUntil) {
		Instant now = this.clock.instant();
		forgetExpired(now);
		String id = clientId.length() + ":" + clientId + jti; // length prefix: no two pairs share an id
		if (this.expiries.containsKey(id)) {
			return false;
		}
		if (this.expiries.size() >= this.maxEntries) {
			log.warn("Client assertion refused: the replay store is full client={} size={}", clientId,
					this.maxEntries);
			return false;
		}
		this.expiries.put(id, keepUntil);
		this.byExpiry.add(Map.entry(id, keepUntil));
		return true;
	}

	private void forgetExpired(Instant now) {
		while (!this.byExpiry.isEmpty() && !this.byExpiry.peek().getValue().isAfter(now)) {
			this.expiries.remove(this.byExpiry.poll().getKey());
		}
	}

}

package org.readerpass.ldapsync.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lease on one node (the embedded default): a map of library to holder and expiry, under one
 * monitor. A lease that expired is free: another holder may take it, after which the old holder's
 * {@link Held#renew()} returns false and its {@link Held#close()} does nothing.
 */
final class InMemorySyncLease implements SyncLease {

	private final Clock clock;

	/** Guarded by {@code this}. */
	private final Map<String, Grant> grants = new HashMap<>();

	InMemorySyncLease(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public Optional<Held> tryAcquire(String library, Duration ttl) {
		Objects.requireNonNull(library, "library");
		if (ttl == null || ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("lease time-to-live must be positive");
		}
		synchronized (this) {
			Instant now = this.clock.instant();
			Grant current = this.grants.get(library);
			if (current != null && now.isBefore(current.expires)) {
				return Optional.empty();
			}
			Grant grant = new Grant(library, ttl, now.plus(ttl));
			this.grants.put(library, grant);
			return Optional.of(grant);
		}
	}

	private final class Grant implements Held {

		private final String library;

		private final Duration ttl;

		/** Guarded by the lease's monitor. */
		private Instant expires;

		Grant(String library, Duration ttl, Instant expires) {
			this.library = library;
			this.ttl = ttl;
			this.expires = expires;
		}

		@Override
		public String library() {
			return this.library;
		}

		@Override
		public boolean renew() {
			synchronized (InMemorySyncLease.this) {
				Instant now = InMemorySyncLease.this.clock.instant();
				if (!held(now)) {
					return false;
				}
				this.expires = now.plus(this.ttl);
				return true;
			}
		}

		@Override
		public void close() {
			synchronized (InMemorySyncLease.this) {
				if (held(InMemorySyncLease.this.clock.instant())) {
					InMemorySyncLease.this.grants.remove(this.library);
				}
			}
		}

		/** Still this holder's and not expired (an expired lease is lost even if nobody took it yet). */
		private boolean held(Instant now) {
			return InMemorySyncLease.this.grants.get(this.library) == this && now.isBefore(this.expires);
		}

	}

}

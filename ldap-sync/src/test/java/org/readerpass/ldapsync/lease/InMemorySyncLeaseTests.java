package org.readerpass.ldapsync.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemorySyncLeaseTests extends SyncLeaseContractTests {

	private final SyncLease lease = new InMemorySyncLease(Clock.systemUTC());

	@Override
	protected SyncLease lease() {
		return this.lease;
	}

	@Test
	void renewWhenRenewedBeforeExpiryThenExtendedFromNow() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		InMemorySyncLease lease = new InMemorySyncLease(clock);
		SyncLease.Held held = lease.tryAcquire("a", Duration.ofSeconds(10)).orElseThrow();
		clock.advance(Duration.ofSeconds(8));
		assertThat(held.renew()).isTrue();
		clock.advance(Duration.ofSeconds(8));
		assertThat(lease.tryAcquire("a", Duration.ofSeconds(10))).isEmpty();
		clock.advance(Duration.ofSeconds(2));
		assertThat(lease.tryAcquire("a", Duration.ofSeconds(10))).isPresent();
		assertThat(held.renew()).isFalse();
	}

	@Test
	void renewWhenExpiredAndNotTakenThenFalse() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		InMemorySyncLease lease = new InMemorySyncLease(clock);
		SyncLease.Held held = lease.tryAcquire("a", Duration.ofSeconds(10)).orElseThrow();
		clock.advance(Duration.ofSeconds(10));
		assertThat(held.renew()).isFalse();
		assertThat(lease.tryAcquire("a", Duration.ofSeconds(10))).isPresent();
	}

	@Test
	void tryAcquireWhenTtlNotPositiveThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.lease.tryAcquire("a", Duration.ZERO));
	}

}

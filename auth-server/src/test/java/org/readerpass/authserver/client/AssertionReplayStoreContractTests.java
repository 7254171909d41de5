package org.readerpass.authserver.client;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link AssertionReplayStore} does: an assertion id is accepted once per client until
 * it may be forgotten. Each implementation (in memory; a shared store for several nodes) extends
 * this suite.
 */
abstract class AssertionReplayStoreContractTests {

	protected final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));

	private AssertionReplayStore store;

	/** A new, empty store telling the time by {@code clock}. */
	protected abstract AssertionReplayStore createStore(MutableClock clock);

	@BeforeEach
	void newStore() {
		this.store = createStore(this.clock);
	}

	protected AssertionReplayStore store() {
		return this.store;
	}

	protected Instant inMinutes(int minutes) {
		return this.clock.instant().plus(Duration.ofMinutes(minutes));
	}

	@Test
	void firstUseWhenNewThenTrueAndWhenSeenAgainThenFalse() {
		assertThat(this.store.firstUse("vendor", "jti-1", inMinutes(2))).isTrue();
		assertThat(this.store.firstUse("vendor", "jti-1", inMinutes(2))).isFalse();
		assertThat(this.store.firstUse("vendor", "jti-2", inMinutes(2))).isTrue();
	}

	@Test
	void firstUseWhenAnotherClientUsesTheSameJtiThenTrue() {
		assertThat(this.store.firstUse("vendor-a", "jti-1", inMinutes(2))).isTrue();
		assertThat(this.store.firstUse("vendor-b", "jti-1", inMinutes(2))).isTrue();
		// client and jti are never run together into one id
		assertThat(this.store.firstUse("ab", "c", inMinutes(2))).isTrue();
		assertThat(this.store.firstUse("a", "bc", inMinutes(2))).isTrue();
	}

	@Test
	void firstUseWhenSeenBeforeButNotYetForgettableThenFalse() {
		this.store.firstUse("vendor", "jti-1", inMinutes(2));
		this.clock.advance(Duration.ofSeconds(119));

		assertThat(this.store.firstUse("vendor", "jti-1", inMinutes(2))).isFalse();
	}

	@Test
	void firstUseWhenSeenBeforeAndForgettableSinceThenTrue() {
		this.store.firstUse("vendor", "jti-1", inMinutes(2));
		this.clock.advance(Duration.ofMinutes(3));

		assertThat(this.store.firstUse("vendor", "jti-1", inMinutes(2))).isTrue();
	}

}

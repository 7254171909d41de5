package org.readerpass.authserver.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryAssertionReplayStoreTests extends AssertionReplayStoreContractTests {

	@Override
	protected AssertionReplayStore createStore(MutableClock clock) {
		return new InMemoryAssertionReplayStore(100, clock);
	}

	@Test
	void firstUseWhenFullOfIdsNotYetForgettableThenRefusedUntilOneMayBeForgotten() {
		AssertionReplayStore store = new InMemoryAssertionReplayStore(3, this.clock);
		store.firstUse("vendor", "jti-1", inMinutes(1));
		store.firstUse("vendor", "jti-2", inMinutes(5));
		store.firstUse("vendor", "jti-3", inMinutes(5));

		boolean whenFull = store.firstUse("vendor", "jti-4", inMinutes(5));
		this.clock.advance(Duration.ofMinutes(2));
		boolean afterOneExpired = store.firstUse("vendor", "jti-4", inMinutes(5));

		assertThat(whenFull).as("never forgets an id early to make room").isFalse();
		assertThat(afterOneExpired).isTrue();
		assertThat(store.firstUse("vendor", "jti-2", inMinutes(5))).as("still remembered").isFalse();
	}

}

package org.readerpass.authserver.abuse;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryCountersTests extends CountersContractTests {

	@Override
	Counters newCounters(MutableClock clock) {
		return new InMemoryCounters(clock);
	}

	@Test
	void countWhenOtherKeysArePastTheirKeepingTimeThenTheyAreSwept() {
		InMemoryCounters memory = (InMemoryCounters) this.counters;
		memory.count("a", Duration.ofMinutes(1));
		memory.count("b", Duration.ofMinutes(1), Duration.ofHours(1));
		this.clock.advance(Duration.ofMinutes(2));

		memory.count("c", Duration.ofMinutes(1));

		assertThat(memory.size()).as("b is kept, c is new").isEqualTo(2);
	}

}

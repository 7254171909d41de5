package org.readerpass.ldapsync.linking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTests {

	@Test
	void idsAreVersion7WithTheRfc9562VariantAndTheMillisecondsInTheirFirst48Bits() {
		long millis = 0x0192_3456_789AL;
		UUID id = new TimeOrderedIds(() -> millis).next();

		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
		assertThat(id.toString()).startsWith("01923456-789a-7");
	}

	@Test
	void idsMadeInLaterMillisecondsSortAfterEarlierOnesAsPostgresqlComparesThem() {
		AtomicLong clock = new AtomicLong(1_764_000_000_000L);
		TimeOrderedIds ids = new TimeOrderedIds(clock::getAndIncrement);
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			made.add(ids.next().toString()); // PostgreSQL compares uuids byte by byte: as their text
		}

		assertThat(made).isSorted();
	}

	@Test
	void idsMadeInOneMillisecondAreDistinct() {
		TimeOrderedIds ids = new TimeOrderedIds(() -> 1_764_000_000_000L);
		Set<UUID> made = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			made.add(ids.next());
		}

		assertThat(made).hasSize(100_000);
	}

}

package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class HighWaterMarkTests {

	@Test
	void sinceWhenRunTookAWhileThenReadsBackOverTheRunAndTheOverlap() {
		HighWaterMark mark = new HighWaterMark(Instant.parse("2026-11-25T12:00:00Z"), Duration.ofSeconds(100));
		assertThat(mark.since(Duration.ofSeconds(60))).isEqualTo(Instant.parse("2026-11-25T11:57:20Z"));
		assertThat(mark.since(Duration.ZERO)).isEqualTo(Instant.parse("2026-11-25T11:58:20Z"));
	}

}

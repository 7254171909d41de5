package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class HighWaterMarkTests {

	@Test
	void sinceWhenMarkFollowsDirectoryClockThenReadsBackOverTheOverlapOnly() {
		HighWaterMark mark = HighWaterMark.at(Instant.parse("2026-12-04T12:00:00Z"));
		assertThat(mark.runDuration()).isZero();
		assertThat(mark.readFrom()).isEqualTo(Instant.parse("2026-12-04T12:00:00Z"));
		assertThat(mark.since(Duration.ofSeconds(60))).isEqualTo(Instant.parse("2026-12-04T11:59:00Z"));
		assertThat(mark.since(Duration.ZERO)).isEqualTo(Instant.parse("2026-12-04T12:00:00Z"));
	}

	/** A mark stored before: the latest change timestamp a run read, with that run's duration. */
	@Test
	void sinceWhenMarkStoredByEarlierVersionThenReadsBackOverItsRunAndTheOverlap() {
		HighWaterMark mark = new HighWaterMark(Instant.parse("2026-11-25T12:00:00Z"), Duration.ofSeconds(100));
		assertThat(mark.readFrom()).isEqualTo(Instant.parse("2026-11-25T11:58:20Z"));
		assertThat(mark.since(Duration.ofSeconds(60))).isEqualTo(Instant.parse("2026-11-25T11:57:20Z"));
		assertThat(mark.since(Duration.ZERO)).isEqualTo(Instant.parse("2026-11-25T11:58:20Z"));
	}

}

package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.connector.DirectoryClock;

/**
 * The mark a run records: the directory's time at its start when the directory tells it, else a
 * lower bound from the stored mark, this node's last mark advanced by the elapsed monotonic time,
 * and the run's latest change timestamp less its duration. The monotonic clock is a counter here.
 */
class RunStartsTests {

	private static final Instant LOADED = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

	private final RunStarts starts = new RunStarts(this.nanos::get);

	@Test
	void markWhenDirectoryTellsItsTimeThenThatTimeWhateverTheRunRead() {
		RunStart start = this.starts.start("zj", clock(NOW), Optional::empty);
		elapse(Duration.ofSeconds(53));
		assertThat(start.told()).isEqualTo(NOW);
		assertThat(start.mark(LOADED)).isEqualTo(NOW);
		assertThat(start.mark(NOW.plusSeconds(40))).isEqualTo(NOW);
		assertThat(start.mark(null)).isEqualTo(NOW);
	}

	@Test
	void startWhenDirectoryTellsItsTimeThenStoredMarkNotAsked() {
		RunStart start = this.starts.start("zj", clock(NOW), () -> {
			throw new AssertionError("the stored mark is not needed");
		});
		assertThat(start.told()).isEqualTo(NOW);
	}

	@Test
	void markWhenDirectoryCannotTellAndNothingKnownThenLatestChangeLessTheRunsDuration() {
		RunStart start = this.starts.start("zj", silent(), Optional::empty);
		elapse(Duration.ofSeconds(100));
		assertThat(start.told()).isNull();
		// an entry changed 100 s after the start, read at the end, may stand for a change at the start
		assertThat(start.mark(LOADED)).isEqualTo(LOADED.minusMillis(100_100));
		assertThat(start.mark(null)).isNull();
	}

	@Test
	void markWhenDirectoryCannotTellThenNeverBeforeTheStoredMark() {
		HighWaterMark stored = HighWaterMark.at(NOW);
		RunStart start = this.starts.start("zj", silent(), () -> Optional.of(stored));
		elapse(Duration.ofSeconds(10));
		assertThat(start.mark(LOADED)).isEqualTo(NOW);
		assertThat(start.mark(null)).isEqualTo(NOW);
		assertThat(start.mark(NOW.plusSeconds(20))).isEqualTo(NOW.plusSeconds(20).minusMillis(10_010));
	}

	@Test
	void startWhenStoredMarkFromEarlierVersionThenReadFromItsRunsStart() {
		HighWaterMark stored = new HighWaterMark(LOADED, Duration.ofSeconds(53));
		RunStart start = this.starts.start("zj", silent(), () -> Optional.of(stored));
		assertThat(start.mark(null)).isEqualTo(LOADED.minusSeconds(53));
	}

	/** slapadd loaded every entry at LOADED; the directory cannot tell its time; nothing changes. */
	@Test
	void markWhenDirectoryIdleAndCannotTellThenAdvancesWithTheElapsedTime() {
		RunStart full = this.starts.start("zj", silent(), Optional::empty);
		elapse(Duration.ofSeconds(53));
		Instant fullMark = full.mark(LOADED);
		this.starts.completed("zj", full, fullMark);
		elapse(Duration.ofSeconds(60));
		RunStart first = this.starts.start("zj", silent(), () -> Optional.of(HighWaterMark.at(fullMark)));
		// 113 s after the full run started, credited at 99.9 %
		Instant firstMark = first.mark(null);
		assertThat(firstMark).isEqualTo(fullMark.plusMillis(112_887));
		this.starts.completed("zj", first, firstMark);
		elapse(Duration.ofSeconds(61));
		RunStart second = this.starts.start("zj", silent(), () -> Optional.of(HighWaterMark.at(firstMark)));
		assertThat(second.mark(null)).isEqualTo(firstMark.plusMillis(60_939));
		// from the second run on, an overlap of 60 s no longer reaches back to the load
		assertThat(HighWaterMark.at(second.mark(null)).since(Duration.ofSeconds(60))).isAfter(LOADED);
	}

	@Test
	void startWhenAnotherLibraryAdvancedThenItsAnchorNotUsed() {
		RunStart zj = this.starts.start("zj", silent(), Optional::empty);
		this.starts.completed("zj", zj, NOW);
		elapse(Duration.ofHours(1));
		assertThat(this.starts.start("zj.sx", silent(), Optional::empty).mark(null)).isNull();
		assertThat(this.starts.start("zj", silent(), Optional::empty).mark(null)).isEqualTo(NOW.plusMillis(3_596_400));
	}

	/** The directory's own word wins over what this node inferred, also when its clock was set back. */
	@Test
	void completedWhenDirectoryToldAnEarlierTimeThenItIsTheNewAnchor() {
		RunStart first = this.starts.start("zj", silent(), Optional::empty);
		this.starts.completed("zj", first, NOW);
		elapse(Duration.ofSeconds(100));
		RunStart second = this.starts.start("zj", clock(NOW.plusSeconds(10)), Optional::empty);
		this.starts.completed("zj", second, second.mark(null));
		elapse(Duration.ofSeconds(100));
		assertThat(this.starts.start("zj", silent(), Optional::empty).mark(null)).isEqualTo(NOW.plusMillis(109_900));
	}

	@Test
	void startWhenDirectoryTellsAgainThenItsTimeEvenIfBehindTheAnchor() {
		RunStart first = this.starts.start("zj", silent(), Optional::empty);
		this.starts.completed("zj", first, NOW);
		elapse(Duration.ofSeconds(100));
		assertThat(this.starts.start("zj", clock(NOW.plusSeconds(10)), Optional::empty).mark(null))
			.isEqualTo(NOW.plusSeconds(10));
	}

	private void elapse(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	private static Optional<DirectoryClock> clock(Instant now) {
		return Optional.of(new FixedClock(Optional.of(now)));
	}

	/** A directory that cannot tell its time (OpenLDAP without its monitor backend). */
	private static Optional<DirectoryClock> silent() {
		return Optional.of(new FixedClock(Optional.empty()));
	}

	private record FixedClock(Optional<Instant> currentTime) implements DirectoryClock {

		@Override
		public String library() {
			return "zj";
		}

		@Override
		public void close() {
		}

	}

}

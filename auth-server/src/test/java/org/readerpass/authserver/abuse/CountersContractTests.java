package org.readerpass.authserver.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What every {@link Counters} store does; each implementation's tests extend this suite. */
abstract class CountersContractTests {

	static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	final MutableClock clock = new MutableClock(NOW);

	Counters counters;

	/** A store on {@link #clock}, empty for this test. */
	abstract Counters newCounters(MutableClock clock);

	@BeforeEach
	void open() {
		this.counters = newCounters(this.clock);
	}

	@Test
	void countWhenWithinTheWindowThenCountsUpFromOneAndEndsAWindowAfterTheFirst() {
		Window first = this.counters.count("a", Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(5));
		Window second = this.counters.count("a", Duration.ofMinutes(15));

		assertThat(first).isEqualTo(new Window(1, NOW.plus(Duration.ofMinutes(15))));
		assertThat(second).isEqualTo(new Window(2, NOW.plus(Duration.ofMinutes(15))));
		assertThat(this.counters.count("b", Duration.ofMinutes(15)).count()).as("another key").isOne();
	}

	@Test
	void countWhenTheWindowHasEndedThenANewWindowFromOne() {
		this.counters.count("a", Duration.ofSeconds(10));
		this.counters.count("a", Duration.ofSeconds(10));
		this.clock.advance(Duration.ofSeconds(10));

		Window next = this.counters.count("a", Duration.ofSeconds(10));

		assertThat(next).isEqualTo(new Window(1, NOW.plus(Duration.ofSeconds(20))));
	}

	@Test
	void countWhenByMoreThanOneThenAddsThatManyInOneCount() {
		Window first = this.counters.count("a", Duration.ofMinutes(1), Duration.ZERO, 5);
		this.clock.advance(Duration.ofSeconds(10));
		Window second = this.counters.count("a", Duration.ofMinutes(1), Duration.ZERO, 3);
		Window third = this.counters.count("a", Duration.ofMinutes(1));

		assertThat(first).as("a new window starts at by").isEqualTo(new Window(5, NOW.plus(Duration.ofMinutes(1))));
		assertThat(second).isEqualTo(new Window(8, NOW.plus(Duration.ofMinutes(1))));
		assertThat(third).isEqualTo(new Window(9, NOW.plus(Duration.ofMinutes(1))));
		assertThat(this.counters.peek("a")).contains(third);
	}

	@Test
	void countWhenByAndTheWindowHasEndedThenTheNewWindowStartsAtBy() {
		this.counters.count("a", Duration.ofSeconds(10), Duration.ZERO, 7);
		this.clock.advance(Duration.ofSeconds(10));

		Window next = this.counters.count("a", Duration.ofSeconds(10), Duration.ZERO, 4);

		assertThat(next).isEqualTo(new Window(4, NOW.plus(Duration.ofSeconds(20))));
	}

	@Test
	void countWhenByLessThanOneThenRefusedAndNothingCounted() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.counters.count("a", Duration.ofMinutes(1), Duration.ZERO, 0));
		assertThat(this.counters.peek("a")).isEmpty();
	}

	@Test
	void peekWhenCountedThenTheWindowWithoutCountingAndEmptyOnceForgotten() {
		assertThat(this.counters.peek("a")).isEmpty();
		this.counters.count("a", Duration.ofMinutes(1));

		assertThat(this.counters.peek("a")).contains(new Window(1, NOW.plus(Duration.ofMinutes(1))));
		assertThat(this.counters.peek("a")).as("peeking does not count").contains(new Window(1, NOW.plus(Duration.ofMinutes(1))));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.counters.peek("a")).as("ended, nothing kept after").isEmpty();
	}

	@Test
	void peekWhenTheWindowEndedWithinItsKeepingTimeThenTheEndedWindowUntilThen() {
		this.counters.count("lock", Duration.ofMinutes(15), Duration.ofDays(1));
		this.clock.advance(Duration.ofHours(2));

		assertThat(this.counters.peek("lock")).hasValueSatisfying(window -> {
			assertThat(window.count()).isOne();
			assertThat(window.isOpenAt(this.clock.instant())).isFalse();
		});
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.counters.peek("lock")).isEmpty();
	}

	@Test
	void forgetWhenKeptThenTrueOnceAndTheCountStartsAgain() {
		this.counters.count("a", Duration.ofMinutes(1));
		this.counters.count("a", Duration.ofMinutes(1));

		assertThat(this.counters.forget("a")).isTrue();
		assertThat(this.counters.forget("a")).as("only one caller is told").isFalse();
		assertThat(this.counters.peek("a")).isEmpty();
		assertThat(this.counters.count("a", Duration.ofMinutes(1)).count()).isOne();
	}

	@Test
	void forgetWhenPastItsKeepingTimeThenFalse() {
		this.counters.count("a", Duration.ofMinutes(1), Duration.ofMinutes(1));
		this.clock.advance(Duration.ofMinutes(2));

		assertThat(this.counters.forget("a")).isFalse();
	}

	@Test
	void peekAllWhenSomeKeysCountedThenEachKeysWindowInTheKeysOrder() {
		this.counters.count("lock:{s}", Duration.ofMinutes(15));
		this.counters.count("fail:{s}", Duration.ofMinutes(1));
		this.counters.count("fail:{s}", Duration.ofMinutes(1));

		List<Optional<Window>> windows = this.counters.peekAll(List.of("fail:{s}", "pause:{s}", "lock:{s}"));

		assertThat(windows).containsExactly(Optional.of(new Window(2, NOW.plus(Duration.ofMinutes(1)))),
				Optional.empty(), Optional.of(new Window(1, NOW.plus(Duration.ofMinutes(15)))));
		assertThat(this.counters.peek("fail:{s}")).as("peeking does not count")
			.contains(new Window(2, NOW.plus(Duration.ofMinutes(1))));
	}

	@Test
	void peekAllWhenAWindowEndedThenKeptUntilItsKeepingTimeAndEmptyAfter() {
		this.counters.count("lock:{s}", Duration.ofMinutes(15), Duration.ofDays(1));
		this.counters.count("pause:{s}", Duration.ofSeconds(1));
		this.clock.advance(Duration.ofHours(2));

		assertThat(this.counters.peekAll(List.of("lock:{s}", "pause:{s}")))
			.containsExactly(Optional.of(new Window(1, NOW.plus(Duration.ofMinutes(15)))), Optional.empty());
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.counters.peekAll(List.of("lock:{s}", "pause:{s}"))).containsOnly(Optional.empty());
	}

	@Test
	void peekAllAndForgetAllWhenNoKeysThenNone() {
		assertThat(this.counters.peekAll(List.of())).isEmpty();
		assertThat(this.counters.forgetAll(List.of())).isEmpty();
	}

	@Test
	void forgetAllWhenSomeKeptThenTrueForThoseOnceAndEveryKeyForgotten() {
		this.counters.count("fail:{s}", Duration.ofMinutes(1));
		this.counters.count("lock:{s}", Duration.ofMinutes(1), Duration.ofMinutes(1));
		this.counters.count("other:{t}", Duration.ofMinutes(1));
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(30));

		assertThat(this.counters.forgetAll(List.of("fail:{s}", "pause:{s}", "lock:{s}")))
			.as("fail ended and was not kept; pause never was; lock is kept a minute after it ended")
			.containsExactly(false, false, true);
		assertThat(this.counters.forgetAll(List.of("fail:{s}", "pause:{s}", "lock:{s}")))
			.as("only one caller is told")
			.containsExactly(false, false, false);
		assertThat(this.counters.peekAll(List.of("fail:{s}", "pause:{s}", "lock:{s}"))).containsOnly(Optional.empty());
		assertThat(this.counters.count("lock:{s}", Duration.ofMinutes(1)).count()).as("starts again").isOne();
	}

	@Test
	void forgetAllWhenOpenWindowsThenTrueForEachAndTheCountStartsAgain() {
		this.counters.count("fail:{s}", Duration.ofMinutes(15));
		this.counters.count("fail:{s}", Duration.ofMinutes(15));
		this.counters.count("pause:{s}", Duration.ofSeconds(4));

		assertThat(this.counters.forgetAll(List.of("fail:{s}", "pause:{s}"))).containsExactly(true, true);
		assertThat(this.counters.count("fail:{s}", Duration.ofMinutes(15)).count()).isOne();
	}

	@Test
	void peekAllAndForgetAllWhenTheKeysShareNoHashTagThenRefusedAndNothingForgotten() {
		this.counters.count("fail:{s}", Duration.ofMinutes(1));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.counters.peekAll(List.of("fail:{s}", "fail:{t}")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.counters.forgetAll(List.of("fail:{s}", "pause:s")));
		assertThatIllegalArgumentException().as("untagged keys are each their own tag")
			.isThrownBy(() -> this.counters.peekAll(List.of("fail:s", "pause:s")));
		assertThat(this.counters.peek("fail:{s}")).isPresent();
	}

	@Test
	void windowWhenAskedForSecondsLeftThenRoundedUpAndAtLeastOne() {
		Window window = this.counters.count("a", Duration.ofMillis(1500));

		assertThat(window.secondsLeft(NOW)).isEqualTo(2);
		assertThat(window.secondsLeft(NOW.plusSeconds(5))).isOne();
		assertThat(window.isOpenAt(NOW.plusMillis(1499))).isTrue();
		assertThat(window.isOpenAt(NOW.plusMillis(1500))).isFalse();
	}

}

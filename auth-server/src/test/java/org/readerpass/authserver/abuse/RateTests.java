package org.readerpass.authserver.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.readerpass.authserver.abuse.Rate.Limited;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rates counted in chunks, on the in-memory store with a clock the tests move; every call to the
 * store is counted, as each is a Redis round trip in production. Two "nodes" are two {@link Rate}s
 * over one store.
 */
@ExtendWith(OutputCaptureExtension.class)
class RateTests {

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final MutableClock clock = new MutableClock(NOW);

	private final CountingCounters store = new CountingCounters(new InMemoryCounters(this.clock));

	private Rate rate(long limit, long chunk) {
		return new Rate(this.store, this.clock, "test", "address", limit, MINUTE, chunk);
	}

	/** How many of {@code requests} takes were served. */
	private static int served(Rate rate, String subject, int requests) {
		int served = 0;
		for (int i = 0; i < requests; i++) {
			if (rate.take(subject).isEmpty()) {
				served++;
			}
		}
		return served;
	}

	private long stored(String subject) {
		return this.store.peek("rate:test:address:" + subject).map(Window::count).orElse(0L);
	}

	@Test
	void chunkForWhenLimitThenAHundredthAndAtLeastOne() {
		assertThat(Rate.chunkFor(50_000)).isEqualTo(500);
		assertThat(Rate.chunkFor(600)).isEqualTo(6);
		assertThat(Rate.chunkFor(199)).isOne();
		assertThat(Rate.chunkFor(3)).isOne();
		assertThat(Rate.chunkFor(0)).isOne();
	}

	@Test
	void takeWhenChunkOneThenExactlyTheLimitServedAndACountPerRequestUpToTheFirstRefusal() {
		Rate rate = rate(3, 1);

		assertThat(rate.take("a")).isEmpty();
		assertThat(rate.take("a")).isEmpty();
		assertThat(rate.take("a")).isEmpty();
		assertThat(this.store.reset()).as("one count per request, as before").isEqualTo(3);
		assertThat(rate.take("a")).contains(new Limited(NOW.plus(MINUTE)));
		assertThat(this.store.reset()).as("the 4th is counted, as before, and refused").isOne();
		assertThat(stored("a")).isEqualTo(4);
	}

	@Test
	void takeWhenChunkOfTenThenOneCountPerTenRequestsByTen() {
		Rate rate = rate(1_000, 10);

		assertThat(served(rate, "a", 25)).isEqualTo(25);

		assertThat(this.store.calls()).isEqualTo(3);
		assertThat(stored("a")).as("three chunks claimed, five slots unused on this node").isEqualTo(30);
	}

	@Test
	void takeWhenTheLimitIsNoMultipleOfTheChunkThenTheLastClaimServesOnlyUpToTheLimit() {
		Rate rate = rate(25, 10);

		assertThat(served(rate, "a", 25)).isEqualTo(25);
		assertThat(this.store.reset()).as("slots 1-10, 11-20, 21-30 of which 21-25 usable").isEqualTo(3);
		assertThat(rate.take("a")).as("the 26th").contains(new Limited(NOW.plus(MINUTE)));
		assertThat(this.store.reset()).as("the last claim went past the limit: refused here, no count").isZero();
	}

	@Test
	void takeWhenTheLimitIsAMultipleOfTheChunkThenOneMoreClaimFindsItPassed() {
		Rate rate = rate(20, 10);

		assertThat(served(rate, "a", 20)).isEqualTo(20);
		assertThat(rate.take("a")).as("the 21st").isPresent();

		assertThat(this.store.calls()).as("two chunks, then one claim past the limit").isEqualTo(3);
		assertThat(stored("a")).isEqualTo(30);
	}

	@Test
	void takeWhenRefusedThenAFloodIsRefusedWithoutACountUntilTheWindowEnds() {
		Rate rate = rate(3, 1);
		served(rate, "a", 4);
		this.store.reset();
		this.clock.advance(Duration.ofSeconds(50));

		assertThat(served(rate, "a", 1_000)).isZero();
		assertThat(rate.take("a")).hasValueSatisfying(limited -> {
			assertThat(limited.until()).isEqualTo(NOW.plus(MINUTE));
			assertThat(limited.secondsLeft(this.clock.instant())).isEqualTo(10);
		});
		assertThat(this.store.calls()).isZero();
		assertThat(stored("a")).isEqualTo(4);
	}

	@Test
	void takeWhenTheWindowEndsThenANewWindowWithItsOwnAllowanceAndTheSlotsLeftAreDropped() {
		Rate rate = rate(1_000, 10);
		served(rate, "a", 3);
		this.clock.advance(MINUTE);

		assertThat(rate.take("a")).isEmpty();

		assertThat(this.store.calls()).as("a claim in each window").isEqualTo(2);
		assertThat(this.store.peek("rate:test:address:a")).as("a new window of one chunk")
			.contains(new Window(10, NOW.plus(MINUTE).plus(MINUTE)));
	}

	@Test
	void takeWhenRefusedUntilTheWindowEndsThenServedInTheNext() {
		Rate rate = rate(2, 1);
		served(rate, "a", 5);
		this.clock.advance(MINUTE.minusMillis(1));
		assertThat(rate.take("a")).isPresent();
		this.clock.advance(Duration.ofMillis(1));

		assertThat(served(rate, "a", 3)).isEqualTo(2);
	}

	@Test
	void takeWhenSubjectsDifferThenEachHasItsOwnAllowance() {
		Rate rate = rate(2, 1);

		assertThat(served(rate, "a", 3)).isEqualTo(2);
		assertThat(served(rate, "b", 3)).isEqualTo(2);
	}

	@Test
	void takeWhenTwoNodesShareTheStoreThenNeverMoreThanTheLimitAndOneRefusesAtMostTheOthersUnusedSlotsEarly() {
		Rate nodeA = rate(20, 5);
		Rate nodeB = rate(20, 5);
		assertThat(nodeA.take("a")).as("A claims slots 1-5").isEmpty();

		assertThat(served(nodeB, "a", 15)).as("B claims 6-10, 11-15, 16-20").isEqualTo(15);
		assertThat(nodeB.take("a")).as("B claims 21-25: past the limit, 4 slots still unused on A").isPresent();
		assertThat(served(nodeB, "a", 10)).as("B refuses without a count").isZero();
		assertThat(served(nodeA, "a", 10)).as("A serves its 4, then claims 26-30 and refuses").isEqualTo(4);

		assertThat(this.store.calls()).isEqualTo(6);
		assertThat(stored("a")).isEqualTo(30);
	}

	@Test
	void takeWhenTheLimitIsPassedThenOneWarningPerWindowOnTheNodeWhoseClaimHeldTheSlotPastIt(CapturedOutput output) {
		Rate nodeA = rate(25, 10);
		Rate nodeB = rate(25, 10);
		served(nodeA, "198.51.100.1", 1);
		served(nodeB, "198.51.100.1", 1);
		served(nodeA, "198.51.100.1", 10);
		assertThat(output).as("A's second claim holds slots 21-30: 21-25 served, 26 the first past the limit")
			.containsOnlyOnce("Rate limited endpoint=test address=198.51.100.1 until=" + NOW.plus(MINUTE));

		assertThat(served(nodeA, "198.51.100.1", 10)).isEqualTo(4);
		assertThat(served(nodeB, "198.51.100.1", 20)).isEqualTo(9);
		assertThat(output.toString().split("Rate limited", -1)).as("no other warning this window").hasSize(2);
		this.clock.advance(MINUTE);
		served(nodeB, "198.51.100.1", 30);
		assertThat(output.toString().split("Rate limited", -1)).as("one more in the next window").hasSize(3);
	}

	@Test
	void takeWhenManyRequestsAtOnceOnOneNodeThenExactlyTheLimitAndOneClaimInFlightAtATime() throws Exception {
		Rate rate = rate(1_000, 7);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> requests = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				requests.add(() -> served(rate, "a", 200));
			}
			int served = 0;
			for (Future<Integer> result : threads.invokeAll(requests)) {
				served += result.get();
			}

			assertThat(served).isEqualTo(1_000);
			assertThat(this.store.calls()).as("claims one after another until one went past 1,000").isEqualTo(143);
			assertThat(stored("a")).isEqualTo(143 * 7);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void takeWhenTheClaimTakesLongerThanTheWindowThenItStillServesTheRequestThatMadeIt() {
		Counters slow = new CountingCounters(this.store) {

			@Override
			public Window count(String key, Duration window, Duration keepAfter, long by) {
				Window claimed = super.count(key, window, keepAfter, by);
				if (calls() == 1) {
					RateTests.this.clock.advance(window.multipliedBy(2));
				}
				return claimed;
			}

		};
		Rate rate = new Rate(slow, this.clock, "test", "address", 1_000, MINUTE, 10);

		assertThat(rate.take("a")).isEmpty();
		assertThat(this.store.calls()).isOne();
	}

	@Test
	void takeWhenTheStoreCannotCountThenEveryRequestGoesThrough() {
		Rate rate = new Rate(new UnavailableCounters(this.clock), this.clock, "test", "address", 2, MINUTE, 1);

		for (int i = 0; i < 10; i++) {
			assertThat(rate.take("a")).isEqualTo(Optional.empty());
		}
	}

	@Test
	void takeWhenTheLimitIsZeroThenOffWithoutACount() {
		Rate rate = rate(0, 1);

		assertThat(served(rate, "a", 10)).isEqualTo(10);
		assertThat(this.store.calls()).isZero();
	}

	@Test
	void takeWhenOtherSubjectsWindowsHaveEndedThenTheirSlotsAreSwept() {
		Rate rate = rate(1_000, 10);
		served(rate, "a", 1);
		served(rate, "b", 1);
		this.clock.advance(Duration.ofSeconds(30));
		served(rate, "c", 1);
		assertThat(rate.size()).as("no window has ended yet").isEqualTo(3);
		this.clock.advance(Duration.ofSeconds(31));

		served(rate, "c", 1);

		assertThat(rate.size()).as("a and b ended and are gone; c's window is open").isOne();
		assertThat(served(rate, "a", 1)).as("a comes back with a new window").isOne();
		assertThat(rate.size()).isEqualTo(2);
	}

}

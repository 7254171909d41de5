package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Full runs that did not complete are tried again soon (doubling delays) until one completes, and
 * a full run is left out when a complete one, by any node, finished recently. Delays are short and
 * the interval long (an hour: only retries can happen in the test); waits are bounded, no timing
 * is asserted.
 */
class SyncSchedulerRetryTests {

	private static final Duration INTERVAL = Duration.ofHours(1);

	private static final Duration FIRST_RETRY = Duration.ofMillis(50);

	private final JdbcSyncRuns runs = new JdbcSyncRuns(TestDatabases.h2());

	private final ScriptedFullSync fullSync = new ScriptedFullSync();

	private SyncScheduler scheduler;

	@AfterEach
	void stop() {
		if (this.scheduler != null) {
			this.scheduler.close();
		}
	}

	@Test
	void fullRunWhenNotCompletedThenRetriedUntilOneCompletesThenNoMore() throws InterruptedException {
		this.fullSync.results.add(result("zj", "directory unreachable: connection refused"));
		this.fullSync.results.add(result("zj", "connection lost after 5000 entries"));
		this.fullSync.results.add(result("zj", null));

		start(true, Set.of());

		awaitCalls(3);
		Thread.sleep(20 * FIRST_RETRY.toMillis()); // well past any further doubling delay
		assertThat(this.fullSync.calls).hasSize(3);
	}

	@Test
	void fullRunWhenNotStartedBecauseAnotherNodeHoldsTheLeaseThenRetried() {
		this.fullSync.results.add(notStarted("zj", "a sync of this library is already running on another node"));
		this.fullSync.results.add(result("zj", null));

		start(true, Set.of());

		awaitCalls(2);
	}

	@Test
	void fullRunWhenCompleteRunFinishedRecentlyOnAnyNodeThenLeftOut() throws InterruptedException {
		this.runs.record(result("zj", null)); // another node's run, finished just now
		this.fullSync.results.add(result("zj", null));

		start(true, Set.of());

		Thread.sleep(10 * FIRST_RETRY.toMillis());
		assertThat(this.fullSync.calls).isEmpty();
	}

	@Test
	void fullRunWhenLastCompleteRunIsOlderThanTheIntervalThenRun() {
		SyncResult old = result("zj", null);
		this.runs.record(new SyncResult(old.runId(), "zj", SyncKind.FULL, Instant.now().minus(INTERVAL).minusSeconds(60),
				Instant.now().minus(INTERVAL), SyncResult.Counts.NONE, null, SyncResult.Deletions.NONE, null, null));
		this.runs.record(result("zj", "connection lost")); // a later run that did not complete does not count
		this.fullSync.results.add(result("zj", null));

		start(true, Set.of());

		awaitCalls(1);
	}

	@Test
	void startWhenStartupRunDidNotCompleteThenRetriedBeforeTheInterval() {
		this.fullSync.results.add(result("zj", null));

		start(false, Set.of("zj"));

		awaitCalls(1);
	}

	@Test
	void closeWhenAFullRunIsCutShortByItThenRunEndsWithinTheShutdownWait() throws InterruptedException {
		CountDownLatch running = new CountDownLatch(1);
		this.fullSync.blocking = () -> {
			running.countDown();
			try {
				Thread.sleep(Duration.ofMinutes(5).toMillis()); // a long read, until the scheduler closes
			}
			catch (InterruptedException ex) {
				return result("zj", "sync failed: interrupted"); // not complete: would be retried
			}
			return result("zj", null);
		};
		start(true, Set.of());
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

		Logger logger = (Logger) LoggerFactory.getLogger(SyncScheduler.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			this.scheduler.close();
		}
		finally {
			logger.detachAppender(appender);
		}

		// the cut-short run, wanting to schedule its retry, must not wait for close() to give up on it
		assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((message) -> message.startsWith("Scheduled syncs still running"));
		assertThat(this.fullSync.calls).hasSize(1);
	}

	private void start(boolean fullSyncFirst, Set<String> notCompleted) {
		this.scheduler = new SyncScheduler(this.fullSync, (library) -> {
			throw new AssertionError("no incremental run within the test");
		}, List.of(new SyncScheduler.LibrarySchedule("zj", INTERVAL, INTERVAL)), null, this.runs, Clock.systemUTC(),
				FIRST_RETRY);
		this.scheduler.start(fullSyncFirst, notCompleted);
	}

	private void awaitCalls(int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.fullSync.calls.size() < count && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		assertThat(this.fullSync.calls).hasSizeGreaterThanOrEqualTo(count);
	}

	/** A recorded full run that finished now; {@code error} {@code null}: complete. */
	private static SyncResult result(String library, String error) {
		Instant now = Instant.now();
		return new SyncResult(UUID.randomUUID(), library, SyncKind.FULL, now.minusSeconds(1), now,
				new SyncResult.Counts(10, 0, 0, 10, 0, List.of()), error,
				new SyncResult.Deletions(0, 0, 0, 0, (error != null) ? BrakeReason.CONNECTION_LOST : null), null, null);
	}

	private static SyncResult notStarted(String library, String why) {
		Instant now = Instant.now();
		return SyncResult.notStarted(library, SyncKind.FULL, now, now, why, null);
	}

	/** Answers each run with the next scripted result (complete once the script is used up). */
	private static final class ScriptedFullSync implements FullSync {

		final ConcurrentLinkedDeque<SyncResult> results = new ConcurrentLinkedDeque<>();

		final List<Instant> calls = Collections.synchronizedList(new ArrayList<>());

		/** When set, answers the runs instead of the script. */
		volatile Supplier<SyncResult> blocking;

		@Override
		public SyncResult run(String libraryCode) {
			this.calls.add(Instant.now());
			if (this.blocking != null) {
				return this.blocking.get();
			}
			SyncResult next = this.results.poll();
			return (next != null) ? next : result(libraryCode, null);
		}

		@Override
		public SyncResult confirmDeletions(String libraryCode, UUID brakedRunId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<SyncResult> runAll() {
			throw new UnsupportedOperationException();
		}

	}

}

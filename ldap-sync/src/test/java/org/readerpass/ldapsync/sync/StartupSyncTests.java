package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.springframework.boot.DefaultApplicationArguments;

import org.readerpass.ldapsync.testsupport.TestDatabases;

class StartupSyncTests {

	private static final Instant STARTED = Instant.parse("2026-11-25T01:00:00Z");

	private final Logger logger = (Logger) LoggerFactory.getLogger(StartupSync.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level level;

	@BeforeEach
	void capture() {
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.INFO);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.level);
	}

	@Test
	void runWhenLibrariesSyncedThenOneKeyValueLinePerLibrary() {
		FullSync fullSync = new FixedResults(List.of(
				result("zj", 24, 85, null),
				result("zj.sx.zhuji", 0, 3, "directory unreachable: connect error (91)")));
		new StartupSync(fullSync, true).run(new DefaultApplicationArguments());
		assertThat(this.appender.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
			.containsExactly(
					tuple(Level.INFO,
							"Sync finished library=zj read=24 created=24 updated=0 unchanged=0 failed=0 durationMs=85"),
					tuple(Level.WARN,
							"Sync stopped library=zj.sx.zhuji read=0 created=0 updated=0 unchanged=0 failed=0 durationMs=3 "
									+ "error=\"directory unreachable: connect error (91)\""));
	}

	@Test
	void runWhenDisabledThenNoSync() {
		FixedResults fullSync = new FixedResults(List.of());
		new StartupSync(fullSync, false).run(new DefaultApplicationArguments());
		assertThat(fullSync.runs).isZero();
	}

	@Test
	void runWhenScheduleEnabledThenSchedulerStartedAfterTheStartupSync() {
		FixedResults fullSync = new FixedResults(List.of());
		try (SyncScheduler scheduler = new SyncScheduler(fullSync, (library) -> {
			throw new AssertionError("no library is scheduled");
		}, List.of())) {
			new StartupSync(fullSync, true, scheduler, true, null).run(new DefaultApplicationArguments());
			assertThat(fullSync.runs).isEqualTo(1);
			assertThat(scheduler.started()).isTrue();
		}
	}

	@Test
	void runWhenALibraryDidNotCompleteThenItAloneIsRetriedSoonNotAfterTheInterval() throws InterruptedException {
		FixedResults fullSync = new FixedResults(List.of(
				result("zj", 24, 85, null), result("zj.sx", 3, 9, "connection lost")));
		Duration hour = Duration.ofHours(1);
		try (SyncScheduler scheduler = new SyncScheduler(fullSync, (library) -> null,
				List.of(new SyncScheduler.LibrarySchedule("zj", hour, hour), new SyncScheduler.LibrarySchedule("zj.sx", hour, hour)),
				null, null, Clock.systemUTC(), Duration.ofMillis(50))) {
			new StartupSync(fullSync, true, scheduler, true, null).run(new DefaultApplicationArguments());
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (fullSync.single.isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			Thread.sleep(200);
			assertThat(fullSync.single).containsExactly("zj.sx");
		}
	}

	@Test
	void runWhenScheduleDisabledThenSchedulerNotStartedAndSaid() {
		FixedResults fullSync = new FixedResults(List.of());
		try (SyncScheduler scheduler = new SyncScheduler(fullSync, (library) -> null, List.of())) {
			new StartupSync(fullSync, true, scheduler, false, null).run(new DefaultApplicationArguments());
			assertThat(scheduler.started()).isFalse();
		}
		assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("Sync schedules are off (readerpass.directory.schedule-enabled=false)");
	}

	@Test
	void runWhenALibraryWasSyncedBeforeThenItsRunGoesToTheSchedulerAndTheNodeWaitsOnlyForTheOthers() {
		JdbcSyncRuns runs = new JdbcSyncRuns(TestDatabases.h2());
		runs.record(completedLongAgo("zj"));
		runs.record(recorded("zj.sx", Instant.now().minus(Duration.ofHours(2)), "connection lost")); // not complete: does not count
		FixedResults fullSync = new FixedResults(List.of(result("zj.sx", 24, 85, null)));
		Duration hour = Duration.ofHours(1);
		try (SyncScheduler scheduler = new SyncScheduler(fullSync, (library) -> null,
				List.of(new SyncScheduler.LibrarySchedule("zj", hour, hour),
						new SyncScheduler.LibrarySchedule("zj.sx", hour, hour)),
				null, runs, Clock.systemUTC(), Duration.ofMinutes(1))) {
			new StartupSync(fullSync, true, scheduler, true, runs).run(new DefaultApplicationArguments());

			assertThat(fullSync.waitedFor).containsExactly(List.of("zj.sx"));
			awaitSingleRuns(fullSync, 1);
			assertThat(fullSync.single).containsExactly("zj");
		}
		assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.contains("Start-up sync in the background library=zj (synced before: the node does not wait for it)");
	}

	@Test
	void runWhenALibraryWasSyncedRecentlyOnAnyNodeThenNoStartupRunOfIt() throws InterruptedException {
		JdbcSyncRuns runs = new JdbcSyncRuns(TestDatabases.h2());
		runs.record(recorded("zj", Instant.now(), null)); // finished just now, on another node say
		FixedResults fullSync = new FixedResults(List.of());
		Duration hour = Duration.ofHours(1);
		try (SyncScheduler scheduler = new SyncScheduler(fullSync, (library) -> null,
				List.of(new SyncScheduler.LibrarySchedule("zj", hour, hour)), null, runs, Clock.systemUTC(),
				Duration.ofMinutes(1))) {
			new StartupSync(fullSync, true, scheduler, true, runs).run(new DefaultApplicationArguments());
			Thread.sleep(300);
			assertThat(fullSync.runs).isZero();
			assertThat(fullSync.waitedFor).isEmpty();
			assertThat(fullSync.single).isEmpty();
		}
	}

	@Test
	void runWhenSchedulesAreOffThenEveryLibraryIsSyncedBeforeTheNodeIsReadyEvenIfSyncedBefore() {
		JdbcSyncRuns runs = new JdbcSyncRuns(TestDatabases.h2());
		runs.record(completedLongAgo("zj"));
		FixedResults fullSync = new FixedResults(List.of(result("zj", 24, 85, null)));
		try (SyncScheduler scheduler = new SyncScheduler(fullSync, (library) -> null,
				List.of(new SyncScheduler.LibrarySchedule("zj", Duration.ofHours(1), Duration.ofHours(1))))) {
			new StartupSync(fullSync, true, scheduler, false, runs).run(new DefaultApplicationArguments());
			assertThat(fullSync.runs).isEqualTo(1);
			assertThat(fullSync.single).isEmpty();
		}
	}

	private static void awaitSingleRuns(FixedResults fullSync, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (fullSync.single.size() < count && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	/** A complete full run that finished two hours ago (older than the interval: not left out). */
	private static SyncResult completedLongAgo(String library) {
		return recorded(library, Instant.now().minus(Duration.ofHours(2)), null);
	}

	/** A recorded full run that finished at the given time; {@code error} {@code null} when complete. */
	private static SyncResult recorded(String library, Instant finished, String error) {
		return new SyncResult(UUID.randomUUID(), library, SyncKind.FULL, finished.minusSeconds(60), finished,
				new SyncResult.Counts(24, 24, 0, 0, 0, List.of()), error, SyncResult.Deletions.NONE, null, null);
	}

	/** A full run's result as runAll gives it: {@code created} all it read, nothing deleted. */
	private static SyncResult result(String library, int read, long durationMs, String error) {
		return new SyncResult(null, library, SyncKind.FULL, STARTED, STARTED.plusMillis(durationMs),
				new SyncResult.Counts(read, read, 0, 0, 0, List.of()), error, SyncResult.Deletions.NONE, null, null);
	}

	/** A FullSync that answers fixed results (the real one is tested in FullSyncContractTests). */
	private static final class FixedResults implements FullSync {

		private final List<SyncResult> results;

		private int runs;

		FixedResults(List<SyncResult> results) {
			this.results = results;
		}

		/** Libraries run one by one (scheduled or retried runs). */
		private final List<String> single = new CopyOnWriteArrayList<>();

		@Override
		public SyncResult run(String libraryCode) {
			this.single.add(libraryCode);
			return new SyncResult(UUID.randomUUID(), libraryCode, SyncKind.FULL, STARTED, STARTED,
					SyncResult.Counts.NONE, null, SyncResult.Deletions.NONE, null, null);
		}

		@Override
		public List<SyncResult> runAll() {
			this.runs++;
			return this.results;
		}

		/** The libraries of each start-up run the node waited for. */
		private final List<List<String>> waitedFor = new CopyOnWriteArrayList<>();

		@Override
		public List<SyncResult> runAll(List<String> libraryCodes) {
			this.waitedFor.add(libraryCodes);
			return this.results.stream().filter((result) -> libraryCodes.contains(result.libraryCode())).toList();
		}

	}

}

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
			new StartupSync(fullSync, true, scheduler, true).run(new DefaultApplicationArguments());
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
			new StartupSync(fullSync, true, scheduler, true).run(new DefaultApplicationArguments());
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
			new StartupSync(fullSync, true, scheduler, false).run(new DefaultApplicationArguments());
			assertThat(scheduler.started()).isFalse();
		}
		assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("Sync schedules are off (readerpass.directory.schedule-enabled=false)");
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

	}

}

package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

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
				new SyncResult("zj", 24, 24, 0, 0, 0, List.of(), STARTED, STARTED.plusMillis(85), null),
				new SyncResult("zj.sx.zhuji", 0, 0, 0, 0, 0, List.of(), STARTED, STARTED.plusMillis(3),
						"directory unreachable: connect error (91)")));
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
	void runWhenScheduleDisabledThenSchedulerNotStartedAndSaid() {
		FixedResults fullSync = new FixedResults(List.of());
		try (SyncScheduler scheduler = new SyncScheduler(fullSync, (library) -> null, List.of())) {
			new StartupSync(fullSync, true, scheduler, false).run(new DefaultApplicationArguments());
			assertThat(scheduler.started()).isFalse();
		}
		assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("Sync schedules are off (readerpass.directory.schedule-enabled=false)");
	}

	/** A FullSync that answers fixed results (the real one is tested in FullSyncContractTests). */
	private static final class FixedResults implements FullSync {

		private final List<SyncResult> results;

		private int runs;

		FixedResults(List<SyncResult> results) {
			this.results = results;
		}

		@Override
		public SyncResult run(String libraryCode) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<SyncResult> runAll() {
			this.runs++;
			return this.results;
		}

	}

}

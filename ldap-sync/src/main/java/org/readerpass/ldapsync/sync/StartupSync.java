package org.readerpass.ldapsync.sync;

import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Syncs every library once when the application starts, logging one line per library, then starts
 * the {@link SyncScheduler} (so scheduled runs never race the start-up sync).
 */
final class StartupSync implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(StartupSync.class);

	private final FullSync fullSync;

	private final boolean enabled;

	private final SyncScheduler scheduler;

	private final boolean scheduleEnabled;

	/** Without schedules. @param enabled {@code readerpass.directory.startup-sync} */
	StartupSync(FullSync fullSync, boolean enabled) {
		this(fullSync, enabled, null, false);
	}

	/**
	 * @param enabled {@code readerpass.directory.startup-sync}
	 * @param scheduler started after the start-up sync when {@code scheduleEnabled}
	 * @param scheduleEnabled {@code readerpass.directory.schedule-enabled}
	 */
	StartupSync(FullSync fullSync, boolean enabled, SyncScheduler scheduler, boolean scheduleEnabled) {
		this.fullSync = fullSync;
		this.enabled = enabled;
		this.scheduler = scheduler;
		this.scheduleEnabled = scheduleEnabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		Set<String> notCompleted = new HashSet<>();
		if (!this.enabled) {
			logger.info("Start-up sync is off (readerpass.directory.startup-sync=false)");
		}
		else {
			for (SyncResult result : this.fullSync.runAll()) {
				log(result);
				if (!result.completed()) {
					notCompleted.add(result.libraryCode());
				}
			}
		}
		if (this.scheduler == null) {
			return;
		}
		if (this.scheduleEnabled) {
			// the first scheduled full run comes one interval after start-up; one that did not complete is retried
			this.scheduler.start(false, notCompleted);
		}
		else {
			logger.info("Sync schedules are off (readerpass.directory.schedule-enabled=false)");
		}
	}

	static void log(SyncResult result) {
		SyncResult.Counts counts = result.counts();
		if (result.completed()) {
			logger.info("Sync finished library={} read={} created={} updated={} unchanged={} failed={} durationMs={}",
					result.libraryCode(), counts.read(), counts.created(), counts.updated(), counts.unchanged(),
					counts.failed(), result.duration().toMillis());
		}
		else {
			logger.warn(
					"Sync stopped library={} read={} created={} updated={} unchanged={} failed={} durationMs={} error=\"{}\"",
					result.libraryCode(), counts.read(), counts.created(), counts.updated(), counts.unchanged(),
					counts.failed(), result.duration().toMillis(), result.error());
		}
	}

}

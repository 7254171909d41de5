package org.readerpass.ldapsync.sync;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Syncs the libraries once when the application starts, logging one line per library, then starts
 * the {@link SyncScheduler} (so scheduled runs never race the start-up sync).
 * <p>
 * A library with no complete full run recorded (on any node: the records are shared) is synced
 * before the node is ready: until then none of its readers could sign in. A library synced before
 * already has its readers in the database, so when the schedules are on its start-up run is the
 * scheduler's first full run, started at once on the scheduler's threads, and the node does not
 * wait for it; like any scheduled run it is left out when a complete one finished recently on any
 * node. A restarted or added node is then ready in seconds, not after reading a directory of a
 * million entries again.
 */
final class StartupSync implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(StartupSync.class);

	/** How many of a library's latest full runs are looked at for a complete one. */
	private static final int RUNS_LOOKED_AT = 10;

	private final FullSync fullSync;

	private final boolean enabled;

	private final SyncScheduler scheduler;

	private final boolean scheduleEnabled;

	private final SyncRuns runs;

	/** Without schedules. @param enabled {@code readerpass.directory.startup-sync} */
	StartupSync(FullSync fullSync, boolean enabled) {
		this(fullSync, enabled, null, false, null);
	}

	/**
	 * @param enabled {@code readerpass.directory.startup-sync}
	 * @param scheduler started after the start-up sync when {@code scheduleEnabled}
	 * @param scheduleEnabled {@code readerpass.directory.schedule-enabled}
	 * @param runs the recorded runs, which tell the libraries synced before; {@code null}: every
	 * library is synced before the node is ready
	 */
	StartupSync(FullSync fullSync, boolean enabled, SyncScheduler scheduler, boolean scheduleEnabled,
			SyncRuns runs) {
		this.fullSync = fullSync;
		this.enabled = enabled;
		this.scheduler = scheduler;
		this.scheduleEnabled = scheduleEnabled;
		this.runs = runs;
	}

	@Override
	public void run(ApplicationArguments args) {
		Set<String> notCompleted = new HashSet<>();
		Set<String> inBackground = Set.of();
		if (!this.enabled) {
			logger.info("Start-up sync is off (readerpass.directory.startup-sync=false)");
		}
		else {
			inBackground = syncedBefore();
			List<SyncResult> results;
			if (inBackground.isEmpty()) {
				results = this.fullSync.runAll();
			}
			else {
				Set<String> background = inBackground;
				List<String> waitedFor = this.scheduler.libraries()
					.stream()
					.filter((library) -> !background.contains(library))
					.toList();
				results = waitedFor.isEmpty() ? List.of() : this.fullSync.runAll(waitedFor);
				inBackground.forEach((library) -> logger.info(
						"Start-up sync in the background library={} (synced before: the node does not wait for it)",
						library));
			}
			for (SyncResult result : results) {
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
			// the first scheduled full run comes one interval after start-up (at once for a start-up
			// run in the background); one that did not complete is retried
			this.scheduler.start(inBackground, notCompleted);
		}
		else {
			logger.info("Sync schedules are off (readerpass.directory.schedule-enabled=false)");
		}
	}

	/**
	 * The libraries whose start-up run can go to the scheduler: a complete full run of theirs is
	 * recorded. None without schedules or records, or when the records cannot be read.
	 */
	private Set<String> syncedBefore() {
		if (this.scheduler == null || !this.scheduleEnabled || this.runs == null) {
			return Set.of();
		}
		Set<String> synced = new LinkedHashSet<>();
		try {
			for (String library : this.scheduler.libraries()) {
				if (this.runs.latest(library, SyncKind.FULL, RUNS_LOOKED_AT).stream().anyMatch(SyncResult::completed)) {
					synced.add(library);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Recorded runs not readable, every library is synced before the node is ready", ex);
			return Set.of();
		}
		return synced;
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

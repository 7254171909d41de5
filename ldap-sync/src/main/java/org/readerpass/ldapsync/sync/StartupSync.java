package org.readerpass.ldapsync.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/** Syncs every library once when the application starts, logging one line per library. */
public final class StartupSync implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(StartupSync.class);

	private final FullSync fullSync;

	private final boolean enabled;

	/** @param enabled {@code readerpass.directory.startup-sync} */
	public StartupSync(FullSync fullSync, boolean enabled) {
		this.fullSync = fullSync;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			logger.info("Start-up sync is off (readerpass.directory.startup-sync=false)");
			return;
		}
		this.fullSync.runAll().forEach(StartupSync::log);
	}

	static void log(SyncResult result) {
		if (result.completed()) {
			logger.info("Sync finished library={} read={} created={} updated={} unchanged={} failed={} durationMs={}",
					result.libraryCode(), result.read(), result.created(), result.updated(), result.unchanged(),
					result.failed(), result.duration().toMillis());
		}
		else {
			logger.warn(
					"Sync stopped library={} read={} created={} updated={} unchanged={} failed={} durationMs={} error=\"{}\"",
					result.libraryCode(), result.read(), result.created(), result.updated(), result.unchanged(),
					result.failed(), result.duration().toMillis(), result.error());
		}
	}

}

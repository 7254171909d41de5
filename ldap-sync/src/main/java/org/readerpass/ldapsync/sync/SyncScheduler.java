package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.readerpass.ldapsync.directory.ChangeDetection;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each library's full and incremental syncs on their intervals, with fixed delays (the next
 * run is timed from the end of the last, so a slow run never piles up). One
 * {@link ScheduledExecutorService} with two threads per library: a library whose directory is slow
 * or down holds only its own threads, never another library's. A library configured for
 * {@code content-sync-persist} has no incremental runs: its {@link ContentSyncStreams stream} starts
 * with the schedules instead. A full and an incremental run of one
 * library never overlap (they share {@link DirectoryFullSync}'s lock: the second one returns at once).
 */
public final class SyncScheduler implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SyncScheduler.class);

	private static final long SHUTDOWN_WAIT_SECONDS = 10;

	private final FullSync fullSync;

	private final IncrementalSync incrementalSync;

	private final List<LibrarySchedule> schedules;

	private final ContentSyncStreams streams;

	private ScheduledExecutorService executor;

	public SyncScheduler(FullSync fullSync, IncrementalSync incrementalSync, List<LibrarySchedule> schedules) {
		this(fullSync, incrementalSync, schedules, null);
	}

	/**
	 * @param streams where the libraries whose schedule says {@link LibrarySchedule#persist()} stream
	 * their changes instead of incremental runs; {@code null} when none does
	 */
	public SyncScheduler(FullSync fullSync, IncrementalSync incrementalSync, List<LibrarySchedule> schedules,
			ContentSyncStreams streams) {
		this.fullSync = fullSync;
		this.incrementalSync = incrementalSync;
		this.schedules = List.copyOf(schedules);
		this.streams = streams;
		if (streams == null && this.schedules.stream().anyMatch(LibrarySchedule::persist)) {
			throw new IllegalArgumentException("libraries with content-sync-persist need the content-sync streams");
		}
	}

	/** Every configured library's intervals from {@code readerpass.directory}. */
	public static List<LibrarySchedule> schedules(DirectoryProperties properties) {
		return properties.libraries()
			.stream()
			.map((library) -> new LibrarySchedule(library.library(), properties.fullSyncInterval(library.library()),
					properties.incrementalInterval(library.library()),
					library.changeDetection() == ChangeDetection.CONTENT_SYNC_PERSIST))
			.toList();
	}

	/**
	 * Starts the schedules.
	 * @param fullSyncFirst run each library's first full sync at once (when no start-up sync ran);
	 * otherwise the first one comes after the full-sync interval
	 * @throws IllegalStateException when already started
	 */
	public synchronized void start(boolean fullSyncFirst) {
		if (this.executor != null) {
			throw new IllegalStateException("sync schedules already started");
		}
		this.executor = Executors.newScheduledThreadPool(Math.max(1, 2 * this.schedules.size()), threads());
		for (LibrarySchedule schedule : this.schedules) {
			String library = schedule.library();
			long full = schedule.fullSyncInterval().toMillis();
			long incremental = schedule.incrementalInterval().toMillis();
			this.executor.scheduleWithFixedDelay(() -> runSafely(library, SyncKind.FULL, () -> this.fullSync.run(library)),
					fullSyncFirst ? 0 : full, full, TimeUnit.MILLISECONDS);
			if (schedule.persist()) {
				this.streams.start(List.of(library));
				logger.info("Sync scheduled library={} fullSyncInterval={} changes=content-sync-persist", library,
						schedule.fullSyncInterval());
				continue;
			}
			this.executor.scheduleWithFixedDelay(
					() -> runSafely(library, SyncKind.INCREMENTAL, () -> this.incrementalSync.run(library)), incremental,
					incremental, TimeUnit.MILLISECONDS);
			logger.info("Sync scheduled library={} fullSyncInterval={} incrementalInterval={}", library,
					schedule.fullSyncInterval(), schedule.incrementalInterval());
		}
	}

	public synchronized boolean started() {
		return this.executor != null && !this.executor.isShutdown();
	}

	/** A failing run must not end its schedule (an exception would cancel the repetition). */
	private static void runSafely(String library, SyncKind kind, Supplier<SyncResult> sync) {
		try {
			SyncResult result = sync.get();
			if (result.runId() == null) {
				logger.debug("Scheduled sync not started library={} kind={} reason=\"{}\"", library, kind,
						result.error());
			}
			else if (kind == SyncKind.FULL) {
				StartupSync.log(result);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Scheduled sync failed library={} kind={}", library, kind, ex);
		}
	}

	/** Stops the schedules, interrupting the runs under way, and waits briefly for them to end. */
	@Override
	public synchronized void close() {
		if (this.streams != null) {
			this.streams.close();
		}
		if (this.executor == null) {
			return;
		}
		this.executor.shutdownNow();
		try {
			if (!this.executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
				logger.warn("Scheduled syncs still running after {}s", SHUTDOWN_WAIT_SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ThreadFactory threads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "readerpass-sync-schedule-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * One library's intervals.
	 * @param fullSyncInterval between the end of a full run and the start of the next
	 * @param incrementalInterval between the end of an incremental run and the start of the next
	 * @param persist the library streams its changes (content-sync-persist): no incremental runs
	 */
	public record LibrarySchedule(String library, Duration fullSyncInterval, Duration incrementalInterval,
			boolean persist) {

		public LibrarySchedule(String library, Duration fullSyncInterval, Duration incrementalInterval) {
			this(library, fullSyncInterval, incrementalInterval, false);
		}

		public LibrarySchedule {
			if (fullSyncInterval.isNegative() || fullSyncInterval.isZero() || incrementalInterval.isNegative()
					|| incrementalInterval.isZero()) {
				throw new IllegalArgumentException("library " + library + ": sync intervals must be positive");
			}
		}

	}

}

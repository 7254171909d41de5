package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * library never overlap (they share the {@link LibrarySyncCoordinator}'s lock: the second one returns at once).
 *
 * <p>
 * A full run that did not read the directory to the end (the directory or the connection failed,
 * the lease was lost, the node holding the lease died and it has not expired yet) is tried again,
 * on this node, after {@value #FIRST_RETRY_SECONDS} s, then after twice as long each time, until
 * one completes or the next scheduled run comes. With the runs recorded in a store every node
 * shares ({@link SyncRuns}), a full run, scheduled or retried, is left out when a complete one of
 * the library finished less than nine tenths of the interval ago, on any node: several nodes then
 * make about one full run per interval, not one each, and a run cut short on a node that died is
 * taken over by another within minutes.
 */
final class SyncScheduler implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SyncScheduler.class);

	private static final long SHUTDOWN_WAIT_SECONDS = 10;

	/** The first retry of a full run that did not complete. */
	static final long FIRST_RETRY_SECONDS = 60;

	private final FullSync fullSync;

	private final IncrementalSync incrementalSync;

	private final List<LibrarySchedule> schedules;

	private final ContentSyncStreams streams;

	private final SyncRuns runs;

	private final Clock clock;

	private final Duration firstRetry;

	private volatile ScheduledExecutorService executor;

	SyncScheduler(FullSync fullSync, IncrementalSync incrementalSync, List<LibrarySchedule> schedules) {
		this(fullSync, incrementalSync, schedules, null);
	}

	/**
	 * @param streams where the libraries whose schedule says {@link LibrarySchedule#persist()} stream
	 * their changes instead of incremental runs; {@code null} when none does
	 */
	SyncScheduler(FullSync fullSync, IncrementalSync incrementalSync, List<LibrarySchedule> schedules,
			ContentSyncStreams streams) {
		this(fullSync, incrementalSync, schedules, streams, null, Clock.systemUTC(),
				Duration.ofSeconds(FIRST_RETRY_SECONDS));
	}

	/**
	 * @param streams as above; {@code null} when no library streams
	 * @param runs the recorded runs, shared by every node ({@code null}: each node runs on its own intervals)
	 * @param firstRetry how long after a full run that did not complete it is tried again (then twice as long)
	 */
	SyncScheduler(FullSync fullSync, IncrementalSync incrementalSync, List<LibrarySchedule> schedules,
			ContentSyncStreams streams, SyncRuns runs, Clock clock, Duration firstRetry) {
		if (firstRetry.isNegative() || firstRetry.isZero()) {
			throw new IllegalArgumentException("the first retry must be after a positive delay");
		}
		this.runs = runs;
		this.clock = clock;
		this.firstRetry = firstRetry;
		this.fullSync = fullSync;
		this.incrementalSync = incrementalSync;
		this.schedules = List.copyOf(schedules);
		this.streams = streams;
		if (streams == null && this.schedules.stream().anyMatch(LibrarySchedule::persist)) {
			throw new IllegalArgumentException("libraries with content-sync-persist need the content-sync streams");
		}
	}

	/** Every configured library's intervals from {@code readerpass.directory}. */
	static List<LibrarySchedule> schedules(DirectoryProperties properties) {
		return properties.libraries()
			.stream()
			.map((library) -> new LibrarySchedule(library.library(), properties.fullSyncInterval(library.library()),
					properties.incrementalInterval(library.library()),
					library.changeDetection() == ChangeDetection.CONTENT_SYNC_PERSIST))
			.toList();
	}

	/** The scheduled libraries, in configuration order. */
	Set<String> libraries() {
		Set<String> libraries = new LinkedHashSet<>();
		this.schedules.forEach((schedule) -> libraries.add(schedule.library()));
		return libraries;
	}

	/**
	 * Starts the schedules.
	 * @param fullSyncFirst run each library's first full sync at once (when no start-up sync ran);
	 * otherwise the first one comes after the full-sync interval
	 * @throws IllegalStateException when already started
	 */
	synchronized void start(boolean fullSyncFirst) {
		start(fullSyncFirst, Set.of());
	}

	/**
	 * Starts the schedules, with a retry of the full run for the libraries whose start-up run did
	 * not complete (after the first retry delay, as for a scheduled run).
	 * @param fullSyncFirst as {@link #start(boolean)}
	 * @param notCompleted libraries whose start-up full run did not read the directory to the end
	 */
	synchronized void start(boolean fullSyncFirst, Set<String> notCompleted) {
		start(fullSyncFirst ? libraries() : Set.of(), notCompleted);
	}

	/**
	 * Starts the schedules.
	 * @param fullRunNow libraries whose first full run starts at once, on the scheduler's threads
	 * (a start-up sync in the background; left out, as any scheduled run, when a complete one
	 * finished recently on any node); every other library's first full run comes one full-sync
	 * interval later
	 * @param notCompleted libraries whose start-up full run did not read the directory to the end:
	 * tried again after the first retry delay
	 * @throws IllegalStateException when already started
	 */
	synchronized void start(Set<String> fullRunNow, Set<String> notCompleted) {
		if (this.executor != null) {
			throw new IllegalStateException("sync schedules already started");
		}
		this.executor = Executors.newScheduledThreadPool(Math.max(1, 2 * this.schedules.size()), threads());
		for (LibrarySchedule schedule : this.schedules) {
			String library = schedule.library();
			long full = schedule.fullSyncInterval().toMillis();
			long incremental = schedule.incrementalInterval().toMillis();
			boolean now = fullRunNow.contains(library);
			this.executor.scheduleWithFixedDelay(() -> fullRun(schedule, null), now ? 0 : full, full,
					TimeUnit.MILLISECONDS);
			if (!now && notCompleted.contains(library) && this.firstRetry.toMillis() < full) {
				this.executor.schedule(() -> fullRun(schedule, this.firstRetry), this.firstRetry.toMillis(),
						TimeUnit.MILLISECONDS);
			}
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

	synchronized boolean started() {
		return this.executor != null && !this.executor.isShutdown();
	}

	/**
	 * A full run, unless a complete one finished recently; tried again later when it does not
	 * complete.
	 * @param retried the delay before this run when it is a retry, {@code null} for a scheduled run
	 */
	private void fullRun(LibrarySchedule schedule, Duration retried) {
		String library = schedule.library();
		if (completedRecently(schedule)) {
			logger.debug("Scheduled full sync left out library={}: a complete one finished less than {} ago", library,
					recent(schedule));
			return;
		}
		SyncResult result = runSafely(library, SyncKind.FULL, () -> this.fullSync.run(library));
		if (result != null && result.runId() != null && result.completed()) {
			return;
		}
		Duration next = (retried != null) ? retried.multipliedBy(2) : this.firstRetry;
		if (next.compareTo(schedule.fullSyncInterval()) >= 0) {
			return; // the next scheduled run comes first
		}
		// not under this object's lock: close() holds it while it waits for this very thread to end
		ScheduledExecutorService executor = this.executor;
		if (executor == null || executor.isShutdown()) {
			return;
		}
		try {
			executor.schedule(() -> fullRun(schedule, next), next.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			return; // closing
		}
		logger.info("Full sync did not complete, trying again library={} in={}", library, next);
	}

	/** Whether a complete full run of the library, on any node, finished less than {@link #recent} ago. */
	private boolean completedRecently(LibrarySchedule schedule) {
		if (this.runs == null) {
			return false;
		}
		try {
			Instant since = this.clock.instant().minus(recent(schedule));
			return this.runs.latest(schedule.library(), SyncKind.FULL, 10)
				.stream()
				.filter(SyncResult::completed)
				.findFirst()
				.map((run) -> run.finished().isAfter(since))
				.orElse(false);
		}
		catch (RuntimeException ex) {
			logger.warn("Recorded runs not readable, running the full sync library={}", schedule.library(), ex);
			return false;
		}
	}

	/** Nine tenths of the interval: this node's own next run (one interval after its last) is never left out. */
	private static Duration recent(LibrarySchedule schedule) {
		return schedule.fullSyncInterval().multipliedBy(9).dividedBy(10);
	}

	/** A failing run must not end its schedule (an exception would cancel the repetition); {@code null} if it threw. */
	private static SyncResult runSafely(String library, SyncKind kind, Supplier<SyncResult> sync) {
		try {
			SyncResult result = sync.get();
			if (result.runId() == null) {
				logger.debug("Scheduled sync not started library={} kind={} reason=\"{}\"", library, kind,
						result.error());
			}
			else if (kind == SyncKind.FULL) {
				StartupSync.log(result);
			}
			return result;
		}
		catch (RuntimeException ex) {
			logger.warn("Scheduled sync failed library={} kind={}", library, kind, ex);
			return null;
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
	record LibrarySchedule(String library, Duration fullSyncInterval, Duration incrementalInterval,
			boolean persist) {

		LibrarySchedule(String library, Duration fullSyncInterval, Duration incrementalInterval) {
			this(library, fullSyncInterval, incrementalInterval, false);
		}

		LibrarySchedule {
			if (fullSyncInterval.isNegative() || fullSyncInterval.isZero() || incrementalInterval.isNegative()
					|| incrementalInterval.isZero()) {
				throw new IllegalArgumentException("library " + library + ": sync intervals must be positive");
			}
		}

	}

}

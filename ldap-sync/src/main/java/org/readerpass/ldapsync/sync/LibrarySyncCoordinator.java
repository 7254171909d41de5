package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.readerpass.ldapsync.account.MissingAccounts;
import org.readerpass.ldapsync.account.ReaderAccountWriter;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.connector.EntryHandler;
import org.readerpass.ldapsync.lease.SyncLease;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the sync engines of one node share about each library: {@link DirectoryFullSync},
 * {@link DirectoryIncrementalSync} and {@link ContentSyncStreams} each run their own algorithm
 * through it. A library runs one sync at a time: in this JVM by a fair lock, across nodes by the
 * library's {@link SyncLease}, taken after the lock (see {@link LibraryHold}); a full run may ask the
 * persist stream holding the lock to give it up. Runs in flight show their progress in
 * {@link #runningSyncs()}; every run that started is recorded in {@link SyncRuns} and measured in
 * Micrometer meters ({@code readerpass.sync.*}). Full runs write their batches behind their read on a
 * pool of this coordinator's, shut down by {@link #close()}.
 */
final class LibrarySyncCoordinator implements AutoCloseable {

	/** Accounts per database batch. */
	static final int DEFAULT_BATCH_SIZE = 500;

	/** Time-to-live of a library's sync lease unless configured ({@code readerpass.directory.lease-ttl}). */
	static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(60);

	/**
	 * Batches a full run writes at once, behind its read (each on a database connection): two keep
	 * PostgreSQL busy on two cores where one backend was the bottleneck (docs/benchmarks.md).
	 */
	static final int WRITERS_PER_RUN = 2;

	/** How long a full run waits for a persist stream it preempted to give up the library's lock. */
	private static final Duration PREEMPTION_WAIT = Duration.ofSeconds(30);

	/** How long {@link #close()} waits for batches still being written. */
	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(LibrarySyncCoordinator.class);

	private final DirectoryConnectors connectors;

	private final ReaderAccountWriter writer;

	private final MissingAccounts accounts;

	private final ResidentIdHasher hasher;

	private final MissingAccountsBrake deletions;

	private final Function<String, DeletionPolicy> policies;

	private final SyncRuns runs;

	private final Clock clock;

	private final int batchSize;

	private final SyncLease lease;

	private final Duration leaseTtl;

	private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	private final Map<String, Runnable> preemptions = new ConcurrentHashMap<>();

	private final SyncProgress progress = new SyncProgress();

	private final SyncMetrics metrics;

	private final RunStarts runStarts;

	/** Set by {@link #close()}: runs stop before their next entry and no new run starts. */
	private volatile boolean stopping;

	/** Where full runs write their batches while reading the next ({@link #WRITERS_PER_RUN} threads per run). */
	private final ExecutorService writesBehind = Executors.newCachedThreadPool(daemonThreads("readerpass-sync-write-"));

	/**
	 * @param connectors the libraries' directories
	 * @param writer where accounts are written (the account store)
	 * @param accounts where missing accounts are suspended and purged (the same store)
	 * @param runs where runs are recorded, with the libraries' high-water marks and content-sync cookies
	 * @param hasher turns resident ID numbers into their HMAC as entries are read
	 * @param policies each library's safety brake and purge period ({@link DeletionPolicy#from})
	 * @param batchSize accounts per database batch ({@link #DEFAULT_BATCH_SIZE})
	 * @param meterRegistry where the runs are measured
	 * @param lease which node syncs a library; shared by all nodes (the in-memory one of {@code lease} on
	 * one node)
	 * @param leaseTtl how long a lease lasts without renewal (a run renews it every third of this)
	 */
	LibrarySyncCoordinator(DirectoryConnectors connectors, ReaderAccountWriter writer, MissingAccounts accounts,
			SyncRuns runs, ResidentIdHasher hasher, Function<String, DeletionPolicy> policies, Clock clock,
			int batchSize, MeterRegistry meterRegistry, SyncLease lease, Duration leaseTtl) {
		this(connectors, writer, accounts, runs, hasher, policies, clock, batchSize, meterRegistry, lease, leaseTtl,
				System::nanoTime);
	}

	/**
	 * @param nanoTime this node's monotonic clock ({@code System::nanoTime}), which measures how far the
	 * directory's clock has moved since a run started ({@link RunStarts})
	 */
	LibrarySyncCoordinator(DirectoryConnectors connectors, ReaderAccountWriter writer, MissingAccounts accounts,
			SyncRuns runs, ResidentIdHasher hasher, Function<String, DeletionPolicy> policies, Clock clock,
			int batchSize, MeterRegistry meterRegistry, SyncLease lease, Duration leaseTtl, LongSupplier nanoTime) {
		if (leaseTtl == null || leaseTtl.isNegative() || leaseTtl.isZero()) {
			throw new IllegalArgumentException("lease time-to-live must be positive");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be positive");
		}
		this.connectors = connectors;
		this.writer = writer;
		this.accounts = accounts;
		this.hasher = hasher;
		this.deletions = new MissingAccountsBrake(accounts, policies);
		this.policies = policies;
		this.runs = runs;
		this.clock = clock;
		this.batchSize = batchSize;
		this.metrics = new SyncMetrics(meterRegistry, this.progress);
		this.lease = lease;
		this.leaseTtl = leaseTtl;
		this.runStarts = new RunStarts(nanoTime);
	}

	/** The runs in flight (full, incremental and persist) with their progress. */
	RunningSyncs runningSyncs() {
		return this.progress;
	}

	/**
	 * Stops this node's syncs: runs in progress stop before their next entry (as if their lease was
	 * lost: nothing more is written, nobody is suspended), and no new run starts; waits (briefly) until
	 * every library is given back, so that their sync leases are released before the application
	 * exits, not left to expire while another node waits; then shuts the write-behind pool down,
	 * finishing batches being written.
	 */
	@Override
	public void close() {
		this.stopping = true;
		long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
		try {
			// a library is held exactly while its lock is: by a LibraryHold, until it is closed
			while (librariesHeld() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			long held = librariesHeld();
			if (held > 0) {
				logger.warn("Syncs still holding {} libraries after {}; their leases expire by themselves", held,
						SHUTDOWN_WAIT);
			}
			this.writesBehind.shutdown();
			if (!this.writesBehind.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				logger.warn("Sync batches still being written after {}", SHUTDOWN_WAIT);
			}
		}
		catch (InterruptedException ex) {
			this.writesBehind.shutdown();
			Thread.currentThread().interrupt();
		}
	}

	private long librariesHeld() {
		return this.locks.values().stream().filter(ReentrantLock::isLocked).count();
	}

	/** Whether {@link #close()} was called. */
	boolean closed() {
		return this.stopping;
	}

	DirectoryConnectors connectors() {
		return this.connectors;
	}

	SyncRuns runs() {
		return this.runs;
	}

	Clock clock() {
		return this.clock;
	}

	/** The library, if no other sync of it holds it now. */
	Optional<LibraryHold> tryHold(String library) {
		ReentrantLock lock = lockOf(library);
		return lock.tryLock() ? Optional.of(new LibraryHold(library, lock)) : Optional.empty();
	}

	/**
	 * The library for a full run: at once, or, when a content-sync persist stream holds it, after
	 * asking the stream to stop (it resumes after this run, from the cookie this run stores).
	 */
	Optional<LibraryHold> tryHoldPreempting(String library) {
		ReentrantLock lock = lockOf(library);
		if (lock.tryLock()) {
			return Optional.of(new LibraryHold(library, lock));
		}
		Runnable preemption = this.preemptions.get(library);
		if (preemption == null) {
			return Optional.empty();
		}
		preemption.run();
		try {
			return lock.tryLock(PREEMPTION_WAIT.toMillis(), TimeUnit.MILLISECONDS)
					? Optional.of(new LibraryHold(library, lock)) : Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** The library, once no other sync holds it (a persist stream's session). */
	LibraryHold hold(String library) throws InterruptedException {
		ReentrantLock lock = lockOf(library);
		lock.lockInterruptibly();
		return new LibraryHold(library, lock);
	}

	/** Whether a sync holds the library or waits for it. */
	boolean claimed(String library) {
		ReentrantLock lock = lockOf(library);
		return lock.isLocked() || lock.hasQueuedThreads();
	}

	/**
	 * Registers how a long-lived holder of the library (a persist stream) is asked to give it up to
	 * a full run; {@code null} removes it.
	 */
	void preemption(String library, Runnable stop) {
		if (stop == null) {
			this.preemptions.remove(library);
		}
		else {
			this.preemptions.put(library, stop);
		}
	}

	private ReentrantLock lockOf(String library) {
		// fair: a full run waiting for a persist stream it preempted gets the lock before the stream again
		return this.locks.computeIfAbsent(library, (code) -> new ReentrantLock(true));
	}

	/** A run that writes each batch before it reads on (incremental runs, content sync). */
	SyncRun newRun(String library) {
		return new SyncRun(UUID.randomUUID(), library, this.writer, this.hasher, this.clock, this.batchSize);
	}

	/** A full run: its batches are written behind its read, on this coordinator's pool. */
	SyncRun newRunWritingBehind(String library) {
		return new SyncRun(UUID.randomUUID(), library, this.writer, this.hasher, this.clock, this.batchSize,
				this.writesBehind, WRITERS_PER_RUN);
	}

	/** Shows the run in {@link #runningSyncs()}; a full run with the count its library's latest complete one read. */
	void started(SyncRun run, SyncKind kind, Instant started) {
		this.progress.started(run, kind, started, (kind == SyncKind.FULL) ? expectedEntries(run.library()) : null);
	}

	/** Takes the run out of {@link #runningSyncs()}. */
	void finished(SyncRun run) {
		this.progress.finished(run);
	}

	/**
	 * The start of a run of the library by the directory's clock, taken just before the run reads
	 * ({@link RunStarts}); the library's stored mark is read only when the directory cannot tell its time.
	 */
	RunStart runStart(String library) {
		return runStart(library, () -> storedMark(library));
	}

	/** {@link #runStart(String)} with the stored mark the run has read already. */
	RunStart runStart(String library, Optional<HighWaterMark> stored) {
		return runStart(library, () -> stored);
	}

	private RunStart runStart(String library, Supplier<Optional<HighWaterMark>> stored) {
		return this.runStarts.start(library, this.connectors.directoryClock(library), stored);
	}

	private Optional<HighWaterMark> storedMark(String library) {
		try {
			return this.runs.highWaterMark(library);
		}
		catch (RuntimeException ex) {
			logger.warn("High-water mark not readable, the run's mark comes from what it reads library={}", library,
					ex);
			return Optional.empty();
		}
	}

	/**
	 * Records and measures a run that took its {@link RunStart}; when it read the directory to the end,
	 * this node also keeps its mark as the next runs' lower bound of the directory's time.
	 */
	void record(SyncResult result, SyncRun run) {
		record(result);
		if (result.completed() && run.start() != null) {
			this.runStarts.completed(result.libraryCode(), run.start(), result.highWaterMark());
		}
	}

	/** Records and measures a run that started. */
	void record(SyncResult result) {
		try {
			this.runs.record(result);
		}
		catch (RuntimeException ex) {
			logger.warn("Sync run not recorded library={} syncRun={}", result.libraryCode(), result.runId(), ex);
		}
		try {
			this.metrics.record(result);
		}
		catch (RuntimeException ex) {
			logger.warn("Sync run not measured library={} syncRun={}", result.libraryCode(), result.runId(), ex);
		}
	}

	/** Suspends and purges as the brake allows after a full read. */
	MissingAccountsBrake.Outcome applyDeletions(String library, SyncRun run, BrakeReason earlyEnd,
			int confirmedMissing) {
		return this.deletions.apply(library, run, earlyEnd, confirmedMissing, this.clock.instant());
	}

	/** Writes what a content synchronization sends within the run, under the library's deletion policy. */
	ContentSyncWriter contentWriter(SyncRun run, LeaseKeeper keeper) {
		return new ContentSyncWriter(run, keeper, this.accounts, this.deletions, this.runs, this.clock,
				this.policies.apply(run.library()).safetyBrake());
	}

	/** The {@code read} count of the library's latest complete full run, or {@code null}. */
	private Long expectedEntries(String library) {
		try {
			return this.runs.latest(library, SyncKind.FULL, 10)
				.stream()
				.filter(SyncResult::completed)
				.findFirst()
				.map((result) -> (long) result.counts().read())
				.orElse(null);
		}
		catch (RuntimeException ex) {
			logger.warn("Previous runs not readable, progress without expected count library={}", library, ex);
			return null;
		}
	}

	static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * A library held by one sync: its lock, and once {@link #takeLease()} succeeded its sync lease.
	 * Closing releases the lease, then the lock.
	 */
	final class LibraryHold implements AutoCloseable {

		private final String library;

		private final ReentrantLock lock;

		private SyncLease.Held held;

		private LibraryHold(String library, ReentrantLock lock) {
			this.library = library;
			this.lock = lock;
		}

		/** Takes the library's sync lease: {@code null} when taken, else why not. */
		String takeLease() {
			try {
				Optional<SyncLease.Held> taken = LibrarySyncCoordinator.this.lease.tryAcquire(this.library,
						LibrarySyncCoordinator.this.leaseTtl);
				if (taken.isEmpty()) {
					return "a sync of this library is already running on another node";
				}
				this.held = taken.get();
				return null;
			}
			catch (RuntimeException ex) {
				logger.warn("Sync lease not available library={}", this.library, ex);
				return "sync lease not available: " + ex.getMessage();
			}
		}

		/** Keeps the lease taken by {@link #takeLease()} while the run lasts; entries go on to {@code run}. */
		LeaseKeeper keeper(EntryHandler run) {
			if (this.held == null) {
				throw new IllegalStateException("no lease of library " + this.library + " taken");
			}
			return new LeaseKeeper(run, this.held, LibrarySyncCoordinator.this.clock,
					LibrarySyncCoordinator.this.leaseTtl, LibrarySyncCoordinator.this::closed);
		}

		@Override
		public void close() {
			try {
				if (this.held != null) {
					release(this.held);
				}
			}
			finally {
				this.lock.unlock();
			}
		}

	}

	private static void release(SyncLease.Held held) {
		try {
			held.close();
		}
		catch (RuntimeException ex) {
			logger.warn("Sync lease not released (it expires by itself) library={}", held.library(), ex);
		}
	}

}

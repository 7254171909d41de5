package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.readerpass.ldapsync.account.MissingAccounts;
import org.readerpass.ldapsync.account.ReaderAccountWriter;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.ContentSyncReader;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.EntryHandler;
import org.readerpass.ldapsync.lease.InMemorySyncLease;
import org.readerpass.ldapsync.lease.SyncLease;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Full sync through the libraries' {@link AccountReader} connectors. Libraries run concurrently
 * on a small pool of their own (fixed: the code targets Java 17); one library runs at most once at
 * a time: in this JVM by a lock, across nodes by the library's {@link SyncLease}, taken after the
 * lock, renewed from the read loop and released at the end (a run that cannot get it does not start;
 * a run that loses it stops, braked for {@link BrakeReason#LEASE_LOST}). After the read, {@link MissingAccountsBrake} suspends and purges; every run that started
 * is recorded in {@link SyncRuns}. Runs in flight show their progress in {@link #runningSyncs()};
 * every run that started is measured in Micrometer meters ({@code readerpass.sync.*}).
 */
public final class DirectoryFullSync implements FullSync {

	/** Accounts per database batch. */
	public static final int DEFAULT_BATCH_SIZE = 500;

	/** Time-to-live of a library's sync lease unless configured ({@code readerpass.directory.lease-ttl}). */
	public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(60);

	private static final int MAX_PARALLEL_LIBRARIES = 4;

	/**
	 * Batches a full run writes at once, behind its read (each on a database connection): two keep
	 * PostgreSQL busy on two cores where one backend was the bottleneck (docs/benchmarks.md).
	 */
	static final int WRITERS_PER_RUN = 2;

	/** How long a full run waits for a persist stream it preempted to give up the library's lock. */
	private static final Duration PREEMPTION_WAIT = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(DirectoryFullSync.class);

	private final DirectoryConnectors connectors;

	private final ReaderAccountWriter writer;

	private final ResidentIdHasher hasher;

	private final MissingAccountsBrake deletions;

	private final MissingAccounts accounts;

	private final Function<String, DeletionPolicy> policies;

	private final SyncRuns runs;

	private final Clock clock;

	private final int batchSize;

	private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

	private final Map<String, Runnable> preemptions = new ConcurrentHashMap<>();

	private final SyncProgress progress = new SyncProgress();

	private final SyncMetrics metrics;

	private final SyncLease lease;

	private final Duration leaseTtl;

	/** Where full runs write their batches while reading the next ({@link #WRITERS_PER_RUN} threads per run). */
	private final ExecutorService writesBehind = Executors.newCachedThreadPool(threads("readerpass-sync-write-"));

	/**
	 * @param accounts where accounts are written and missing ones suspended and purged
	 * (a {@code JdbcReaderAccounts})
	 * @param policies each library's safety brake and purge period ({@link DeletionPolicy#from})
	 */
	public <A extends ReaderAccountWriter & MissingAccounts> DirectoryFullSync(DirectoryConnectors connectors,
			A accounts, SyncRuns runs, ResidentIdHasher hasher, Function<String, DeletionPolicy> policies, Clock clock,
			int batchSize) {
		this(connectors, accounts, runs, hasher, policies, clock, batchSize, Metrics.globalRegistry);
	}

	/**
	 * @param policies each library's safety brake and purge period ({@link DeletionPolicy#from})
	 * @param meterRegistry where the runs are measured
	 */
	public <A extends ReaderAccountWriter & MissingAccounts> DirectoryFullSync(DirectoryConnectors connectors,
			A accounts, SyncRuns runs, ResidentIdHasher hasher, Function<String, DeletionPolicy> policies, Clock clock,
			int batchSize, MeterRegistry meterRegistry) {
		this(connectors, accounts, runs, hasher, policies, clock, batchSize, meterRegistry, new InMemorySyncLease(clock),
				DEFAULT_LEASE_TTL);
	}

	/**
	 * @param policies each library's safety brake and purge period ({@link DeletionPolicy#from})
	 * @param meterRegistry where the runs are measured
	 * @param lease which node syncs a library; shared by all nodes (one {@link InMemorySyncLease} on
	 * one node)
	 * @param leaseTtl how long a lease lasts without renewal (a run renews it every third of this)
	 */
	public <A extends ReaderAccountWriter & MissingAccounts> DirectoryFullSync(DirectoryConnectors connectors,
			A accounts, SyncRuns runs, ResidentIdHasher hasher, Function<String, DeletionPolicy> policies, Clock clock,
			int batchSize, MeterRegistry meterRegistry, SyncLease lease, Duration leaseTtl) {
		if (leaseTtl == null || leaseTtl.isNegative() || leaseTtl.isZero()) {
			throw new IllegalArgumentException("lease time-to-live must be positive");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be positive");
		}
		this.connectors = connectors;
		this.writer = accounts;
		this.deletions = new MissingAccountsBrake(accounts, policies);
		this.accounts = accounts;
		this.policies = policies;
		this.runs = runs;
		this.hasher = hasher;
		this.clock = clock;
		this.batchSize = batchSize;
		this.metrics = new SyncMetrics(meterRegistry, this.progress);
		this.lease = lease;
		this.leaseTtl = leaseTtl;
	}

	/** The runs in flight (full and incremental) with their progress. */
	public RunningSyncs runningSyncs() {
		return this.progress;
	}

	@Override
	public SyncResult run(String libraryCode) {
		return run(libraryCode, 0, null);
	}

	@Override
	public SyncResult confirmDeletions(String libraryCode, UUID brakedRunId) {
		SyncResult braked = this.runs.find(brakedRunId)
			.filter((run) -> run.libraryCode().equals(libraryCode))
			.orElseThrow(() -> new IllegalStateException("no run " + brakedRunId + " of library " + libraryCode));
		if (!braked.braked() || !braked.brakeReason().confirmable()) {
			throw new IllegalStateException("run " + brakedRunId + " was not braked for missing accounts ("
					+ braked.brakeReason() + "): there is nothing to confirm");
		}
		boolean latest = this.runs.latest(libraryCode, SyncKind.FULL, 1).stream().allMatch((run) -> run.runId().equals(brakedRunId));
		if (!latest) {
			throw new IllegalStateException("run " + brakedRunId + " is no longer the latest full run of library "
					+ libraryCode + ": confirm the latest braked run");
		}
		logger.info("Deletions confirmed library={} syncRun={} missing={}", libraryCode, brakedRunId,
				braked.missing());
		return run(libraryCode, braked.missing(), brakedRunId);
	}

	private SyncResult run(String libraryCode, int confirmedMissing, UUID confirms) {
		AccountReader reader = this.connectors.accountReader(libraryCode)
			.orElseThrow(() -> new IllegalArgumentException("no directory configured for library " + libraryCode));
		Instant started = this.clock.instant();
		SyncRun run = new SyncRun(UUID.randomUUID(), libraryCode, this.writer, this.hasher, this.clock,
				this.batchSize, this.writesBehind, WRITERS_PER_RUN);
		ReentrantLock lock = lockOf(libraryCode);
		if (!lock.tryLock() && !preemptAndLock(libraryCode, lock)) {
			return notStarted(libraryCode, started, "a sync of this library is already running", confirms);
		}
		try {
			Lease held = acquireLease(libraryCode);
			if (held.held() == null) {
				return notStarted(libraryCode, started, held.refusal(), confirms);
			}
			try (LeaseKeeper keeper = keeper(run, held.held()).start(() -> {
			})) {
				this.progress.started(run, SyncKind.FULL, started, expectedEntries(libraryCode));
				byte[] cookie = currentCookie(libraryCode);
				ReadEnd end = readAll(libraryCode, reader, run, keeper);
				if (end.error() == null && cookie != null) {
					saveCookie(libraryCode, cookie, run.id());
				}
				SyncResult result = finish(libraryCode, run, started, end, confirmedMissing, confirms);
				record(result);
				return result;
			}
			finally {
				this.progress.finished(run);
				release(held.held());
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * When a content-sync persist stream holds the library, asks it to stop and waits for the lock
	 * (the stream resumes after this run, from the cookie this run stores).
	 */
	private boolean preemptAndLock(String libraryCode, ReentrantLock lock) {
		Runnable preemption = this.preemptions.get(libraryCode);
		if (preemption == null) {
			return false;
		}
		preemption.run();
		try {
			return lock.tryLock(PREEMPTION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Registers how a long-lived holder of the library's lock (a persist stream) is asked to give it
	 * up to a full run; {@code null} removes it.
	 */
	void preemption(String libraryCode, Runnable stop) {
		if (stop == null) {
			this.preemptions.remove(libraryCode);
		}
		else {
			this.preemptions.put(libraryCode, stop);
		}
	}

	/**
	 * For a content-sync library, the directory's cookie taken before the full read: stored after a
	 * complete read, content sync resumes from it and misses no change made during the read.
	 */
	private byte[] currentCookie(String libraryCode) {
		Optional<ContentSyncReader> content = this.connectors.contentSyncReader(libraryCode);
		if (content.isEmpty()) {
			return null;
		}
		try {
			return content.get().currentCookie();
		}
		catch (DirectoryException | RuntimeException ex) {
			logger.warn("Content-sync cookie not available, content sync waits for the next full run library={}: {}",
					libraryCode, ex.getMessage());
			return null;
		}
	}

	void saveCookie(String libraryCode, byte[] cookie, UUID runId) {
		try {
			this.runs.saveCookie(libraryCode, cookie, runId, this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Content-sync cookie not stored library={} syncRun={}", libraryCode, runId, ex);
		}
	}

	private SyncResult notStarted(String libraryCode, Instant started, String why, UUID confirms) {
		return new SyncResult(null, libraryCode, 0, 0, 0, 0, 0, List.of(), started, this.clock.instant(), why, 0, 0, 0,
				0, null, confirms);
	}

	/** Takes the library's lease (call it holding the library's lock): held, or why not. */
	Lease acquireLease(String libraryCode) {
		try {
			Optional<SyncLease.Held> held = this.lease.tryAcquire(libraryCode, this.leaseTtl);
			return held.map((h) -> new Lease(h, null))
				.orElseGet(() -> new Lease(null, "a sync of this library is already running on another node"));
		}
		catch (RuntimeException ex) {
			logger.warn("Sync lease not available library={}", libraryCode, ex);
			return new Lease(null, "sync lease not available: " + ex.getMessage());
		}
	}

	LeaseKeeper keeper(EntryHandler run, SyncLease.Held held) {
		return new LeaseKeeper(run, held, this.clock, this.leaseTtl);
	}

	static void release(SyncLease.Held held) {
		try {
			held.close();
		}
		catch (RuntimeException ex) {
			logger.warn("Sync lease not released (it expires by itself) library={}", held.library(), ex);
		}
	}

	/** @param held {@code null} when refused */
	record Lease(SyncLease.Held held, String refusal) {

	}

	/** Suspends and purges as the brake allows after the read. */
	private SyncResult finish(String library, SyncRun run, Instant started, ReadEnd end, int confirmedMissing,
			UUID confirms) {
		String error = end.error();
		MissingAccountsBrake.Outcome deletions;
		try {
			deletions = this.deletions.apply(library, run, end.brakeReason(), confirmedMissing, this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Suspending or purging missing accounts failed library={} syncRun={}", library, run.id(), ex);
			error = (error != null) ? error : "sync failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
			deletions = new MissingAccountsBrake.Outcome(0, 0, 0, BrakeReason.RUN_FAILED);
		}
		SyncResult result = run.result(SyncKind.FULL, started, error, deletions, confirms);
		if (result.braked() && result.brakeReason().confirmable()) {
			logger.warn("Sync braked, nobody suspended library={} syncRun={} reason={} missing={}", library,
					result.runId(), result.brakeReason(), result.missing());
		}
		else if (result.suspended() > 0 || result.restored() > 0 || result.purged() > 0) {
			logger.info("Missing accounts library={} syncRun={} suspended={} restored={} purged={}", library,
					result.runId(), result.suspended(), result.restored(), result.purged());
		}
		return result;
	}

	/** The {@code read} count of the library's latest complete full run, or {@code null}. */
	private Long expectedEntries(String library) {
		try {
			return this.runs.latest(library, SyncKind.FULL, 10)
				.stream()
				.filter(SyncResult::completed)
				.findFirst()
				.map((result) -> (long) result.read())
				.orElse(null);
		}
		catch (RuntimeException ex) {
			logger.warn("Previous runs not readable, progress without expected count library={}", library, ex);
			return null;
		}
	}

	/** The lock every sync of the library (full or incremental) holds while it runs. */
	ReentrantLock lockOf(String libraryCode) {
		// fair: a full run waiting for a persist stream it preempted gets the lock before the stream again
		return this.running.computeIfAbsent(libraryCode, (library) -> new ReentrantLock(true));
	}

	/** A run that writes each batch before it reads on (incremental runs, content sync). */
	SyncRun newRun(String libraryCode) {
		return new SyncRun(UUID.randomUUID(), libraryCode, this.writer, this.hasher, this.clock, this.batchSize);
	}

	DeletionPolicy policy(String libraryCode) {
		return this.policies.apply(libraryCode);
	}

	DirectoryConnectors connectors() {
		return this.connectors;
	}

	MissingAccountsBrake deletions() {
		return this.deletions;
	}

	MissingAccounts accounts() {
		return this.accounts;
	}

	SyncRuns runs() {
		return this.runs;
	}

	Clock clock() {
		return this.clock;
	}

	SyncProgress progress() {
		return this.progress;
	}

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

	/** Reads and writes everything; how the read ended. */
	private ReadEnd readAll(String library, AccountReader reader, SyncRun run, LeaseKeeper keeper) {
		try {
			try {
				reader.readAll(keeper);
			}
			finally {
				if (!keeper.lost()) {
					run.flush(); // what was read before a directory failure is stored all the same
				}
				else {
					run.abandon(); // no batch may still be written once the lease is someone else's
				}
			}
			keeper.confirm(); // still ours before anyone is suspended
			return new ReadEnd(null, null);
		}
		catch (LeaseKeeper.LeaseLostException ex) {
			logger.warn("Sync stopped, lease lost library={} syncRun={}", library, run.id(), ex.getCause());
			return new ReadEnd(ex.getMessage(), BrakeReason.LEASE_LOST);
		}
		catch (DirectoryException ex) {
			logger.debug("Directory failure library={}", library, ex);
			return new ReadEnd(ex.getMessage(), BrakeReason.of(ex.failure()));
		}
		catch (RuntimeException ex) {
			logger.warn("Sync failed library={}", library, ex);
			return new ReadEnd("sync failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(),
					BrakeReason.RUN_FAILED);
		}
	}

	/** @param error {@code null} when the directory was read to the end */
	private record ReadEnd(String error, BrakeReason brakeReason) {

	}

	@Override
	public List<SyncResult> runAll() {
		List<String> libraries = this.connectors.libraries();
		if (libraries.isEmpty()) {
			return List.of();
		}
		ExecutorService executor = Executors.newFixedThreadPool(Math.min(libraries.size(), MAX_PARALLEL_LIBRARIES),
				threads("readerpass-sync-"));
		try {
			List<Future<SyncResult>> futures = new ArrayList<>();
			for (String library : libraries) {
				futures.add(executor.submit(() -> run(library)));
			}
			List<SyncResult> results = new ArrayList<>();
			for (Future<SyncResult> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while syncing", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("sync failed", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}

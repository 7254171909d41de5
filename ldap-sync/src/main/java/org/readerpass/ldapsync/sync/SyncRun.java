package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.readerpass.ldapsync.account.DirectoryAccount;
import org.readerpass.ldapsync.account.ReaderAccountWriter;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.EntryHandler;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run over one library: counts entries, turns them into accounts (resident ID number to
 * HMAC, here and nowhere later), writes them in batches.
 *
 * <p>
 * Written behind (full runs, see {@link #SyncRun(UUID, String, ReaderAccountWriter, ResidentIdHasher,
 * Clock, int, Executor, int)}), batches are written on other threads, up to {@code writers} at once,
 * while the next one is read and mapped: the directory, the mapping and the database (on several
 * connections) work at once, and memory stays {@code writers + 1} batches. {@link #flush()} returns
 * only when every batch is written (it rethrows a failed write); after a write failed, nothing more
 * is handed over and the next batch rethrows the failure, which ends the run.
 */
final class SyncRun implements EntryHandler {

	static final int MAX_REPORTED_FAILURES = 100;

	private static final Logger logger = LoggerFactory.getLogger(SyncRun.class);

	private final UUID id;

	private final String library;

	private final ReaderAccountWriter writer;

	private final ResidentIdHasher hasher;

	private final Clock clock;

	private final int batchSize;

	private final List<DirectoryAccount> batch = new ArrayList<>();

	private final Set<String> batchIds = new HashSet<>();

	/** Directory ids of the batch's entries whose resident ID number is not valid. */
	private final Set<String> invalidResidentIds = new HashSet<>();

	private final List<String> failures = new ArrayList<>();

	/** Directory ids of entries not written but seen (malformed, or unchanged by content sync) not marked yet. */
	private final Set<String> seenIds = new HashSet<>();

	/** Entries handled; read by {@link SyncProgress} from other threads while the run goes on. */
	private final AtomicInteger read = new AtomicInteger();

	/** Counted by the writes (on the writing thread when written behind). */
	private final AtomicInteger created = new AtomicInteger();

	private final AtomicInteger updated = new AtomicInteger();

	private final AtomicInteger unchanged = new AtomicInteger();

	private final AtomicInteger restored = new AtomicInteger();

	private int failed;

	private Instant latestChange;

	/** When the run started by the directory's clock, taken before it read; {@code null}: it records no mark. */
	private RunStart start;

	/** Where batches are written behind the read; {@code null}: on the reading thread. */
	private final Executor writes;

	/** How many batches may be written behind at once. */
	private final int writers;

	/** The batches being written behind, oldest first. */
	private final Deque<CompletableFuture<Void>> writing = new ArrayDeque<>();

	/** Why a write behind failed (the first failure): nothing more is written. */
	private RuntimeException writeFailure;

	SyncRun(UUID id, String library, ReaderAccountWriter writer, ResidentIdHasher hasher, Clock clock,
			int batchSize) {
		this(id, library, writer, hasher, clock, batchSize, null, 1);
	}

	/**
	 * @param writes where batches are written while the next is read; {@code null} to write on the reading thread
	 * @param writers how many batches may be written at once (each on a thread and a database connection of its own)
	 */
	SyncRun(UUID id, String library, ReaderAccountWriter writer, ResidentIdHasher hasher, Clock clock,
			int batchSize, Executor writes, int writers) {
		if (writers < 1) {
			throw new IllegalArgumentException("writers must be at least 1");
		}
		this.id = id;
		this.library = library;
		this.writer = writer;
		this.hasher = hasher;
		this.clock = clock;
		this.batchSize = batchSize;
		this.writes = writes;
		this.writers = writers;
	}

	@Override
	public void entry(DirectoryEntry entry) {
		this.read.incrementAndGet();
		if (!this.batchIds.add(entry.directoryId())) {
			fail(entry.dn(), "same directory id as another entry");
			return;
		}
		this.batch.add(account(entry));
		if (this.batch.size() >= this.batchSize) {
			submit();
		}
	}

	@Override
	public void changedAt(Instant timestamp) {
		if (this.latestChange == null || timestamp.isAfter(this.latestChange)) {
			this.latestChange = timestamp;
		}
	}

	@Override
	public void malformed(String dn, String reason) {
		malformed(dn, null, reason);
	}

	@Override
	public void malformed(String dn, String directoryId, String reason) {
		this.read.incrementAndGet();
		fail(dn, reason);
		if (directoryId != null) {
			seen(directoryId);
		}
	}

	/** An entry the directory says is unchanged (content sync's present phase): read, unchanged, seen. */
	void unchanged(String directoryId) {
		this.read.incrementAndGet();
		this.unchanged.incrementAndGet();
		seen(directoryId);
	}

	/** An entry still in the directory that is not written (see {@link ReaderAccountWriter#markSeen}). */
	void seen(String directoryId) {
		if (this.seenIds.add(directoryId) && this.seenIds.size() >= this.batchSize) {
			submit();
		}
	}

	/** Writes the entries not written yet, and waits until every batch of the run is written. */
	void flush() {
		submit();
		awaitAll();
		if (this.writeFailure != null) {
			throw this.writeFailure;
		}
	}

	/**
	 * Writes nothing more and waits for the batches being written behind to end (their failure is
	 * not rethrown): for a run that must stop, such as one whose lease was lost.
	 */
	void abandon() {
		this.batch.clear();
		this.batchIds.clear();
		this.invalidResidentIds.clear();
		this.seenIds.clear();
		awaitAll();
		if (this.writeFailure != null) {
			logger.debug("Write behind failed library={} syncRun={}", this.library, this.id, this.writeFailure);
		}
	}

	/**
	 * Hands the pending batch and seen ids to the writer: written now, or behind once fewer than
	 * the allowed number of batches are being written. After a failed write, waits for the batches
	 * still being written and rethrows the failure instead.
	 */
	private void submit() {
		if (this.writes != null) {
			this.writing.removeIf((write) -> write.isDone() && awaited(write));
			while (this.writeFailure == null && this.writing.size() >= this.writers) {
				awaited(this.writing.removeFirst());
			}
			if (this.writeFailure != null) {
				awaitAll();
				throw this.writeFailure;
			}
		}
		if (this.seenIds.isEmpty() && this.batch.isEmpty()) {
			return;
		}
		List<String> seen = List.copyOf(this.seenIds);
		List<DirectoryAccount> accounts = List.copyOf(this.batch);
		Set<String> invalid = Set.copyOf(this.invalidResidentIds);
		this.seenIds.clear();
		this.batch.clear();
		this.batchIds.clear();
		this.invalidResidentIds.clear();
		if (this.writes == null) {
			write(seen, accounts, invalid);
		}
		else {
			this.writing.addLast(CompletableFuture.runAsync(() -> write(seen, accounts, invalid), this.writes));
		}
	}

	private void write(List<String> seen, List<DirectoryAccount> accounts, Set<String> invalid) {
		if (!seen.isEmpty()) {
			this.writer.markSeen(this.library, seen, this.clock.instant(), this.id);
		}
		if (accounts.isEmpty()) {
			return;
		}
		ReaderAccountWriter.WriteCounts counts = this.writer.write(accounts, this.clock.instant(), this.id, invalid);
		this.created.addAndGet(counts.created());
		this.updated.addAndGet(counts.updated());
		this.unchanged.addAndGet(counts.unchanged());
		this.restored.addAndGet(counts.restored());
	}

	/** Waits for every batch being written behind. */
	private void awaitAll() {
		while (!this.writing.isEmpty()) {
			awaited(this.writing.removeFirst());
		}
	}

	/**
	 * Waits for a write, even if interrupted (the run must not end with a write still going on; the
	 * interrupt is kept), and remembers the first failure; {@code true} when it has ended.
	 */
	private boolean awaited(CompletableFuture<Void> write) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					write.get();
					return true;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					if (this.writeFailure == null) {
						this.writeFailure = (ex.getCause() instanceof RuntimeException runtime) ? runtime
								: new CompletionException(ex.getCause());
					}
					return true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	UUID id() {
		return this.id;
	}

	/** The run's start by the directory's clock, taken before it reads: its result's high-water mark comes from it. */
	void startsAt(RunStart start) {
		this.start = start;
	}

	RunStart start() {
		return this.start;
	}

	String library() {
		return this.library;
	}

	int read() {
		return this.read.get();
	}

	SyncResult result(SyncKind kind, Instant started, String error, MissingAccountsBrake.Outcome deletions,
			UUID confirmsRun) {
		SyncResult.Counts counts = new SyncResult.Counts(this.read.get(), this.created.get(), this.updated.get(),
				this.unchanged.get(), this.failed, this.failures);
		return new SyncResult(this.id, this.library, kind, started, this.clock.instant(), counts, error,
				new SyncResult.Deletions(deletions.missing(), deletions.suspended(), this.restored.get(),
						deletions.purged(), deletions.brakeReason()),
				confirmsRun, (this.start != null) ? this.start.mark(this.latestChange) : null);
	}

	private DirectoryAccount account(DirectoryEntry entry) {
		String hmac = null;
		if (entry.residentIdNumber() != null) {
			hmac = this.hasher.hash(entry.residentIdNumber()).orElse(null);
			if (hmac == null) {
				this.invalidResidentIds.add(entry.directoryId());
				logger.debug("Resident ID number is not valid, account not linked by it library={} dn={}",
						this.library, entry.dn());
			}
		}
		return new DirectoryAccount(this.library, entry.directoryId(), entry.dn(), entry.cardNumber(),
				entry.displayName(), entry.readerType(), entry.status(), entry.expiresOn(), hmac, entry.phone(),
				entry.email());
	}

	private void fail(String dn, String reason) {
		this.failed++;
		if (this.failures.size() < MAX_REPORTED_FAILURES) {
			this.failures.add(dn + ": " + reason);
		}
	}

}

package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.readerpass.ldapsync.account.ReaderAccountWriter;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full sync through the libraries' {@link AccountReader} connectors. Libraries run concurrently
 * on a small pool of their own (fixed: the code targets Java 17); one library runs at most once at
 * a time.
 */
public final class DirectoryFullSync implements FullSync {

	/** Accounts per database batch. */
	public static final int DEFAULT_BATCH_SIZE = 500;

	private static final int MAX_PARALLEL_LIBRARIES = 4;

	private static final Logger logger = LoggerFactory.getLogger(DirectoryFullSync.class);

	private final DirectoryConnectors connectors;

	private final ReaderAccountWriter writer;

	private final ResidentIdHasher hasher;

	private final Clock clock;

	private final int batchSize;

	private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

	public DirectoryFullSync(DirectoryConnectors connectors, ReaderAccountWriter writer, ResidentIdHasher hasher,
			Clock clock, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be positive");
		}
		this.connectors = connectors;
		this.writer = writer;
		this.hasher = hasher;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	@Override
	public SyncResult run(String libraryCode) {
		AccountReader reader = this.connectors.accountReader(libraryCode)
			.orElseThrow(() -> new IllegalArgumentException("no directory configured for library " + libraryCode));
		Instant started = this.clock.instant();
		SyncRun run = new SyncRun(libraryCode, this.writer, this.hasher, this.clock, this.batchSize);
		ReentrantLock lock = this.running.computeIfAbsent(libraryCode, (library) -> new ReentrantLock());
		if (!lock.tryLock()) {
			return run.result(started, "a sync of this library is already running");
		}
		try {
			return run.result(started, readAll(libraryCode, reader, run));
		}
		finally {
			lock.unlock();
		}
	}

	/** Reads and writes everything; the error, or {@code null}. */
	private String readAll(String library, AccountReader reader, SyncRun run) {
		try {
			try {
				reader.readAll(run);
			}
			finally {
				run.flush(); // what was read before a directory failure is stored all the same
			}
			return null;
		}
		catch (DirectoryException ex) {
			logger.debug("Directory failure library={}", library, ex);
			return ex.getMessage();
		}
		catch (RuntimeException ex) {
			logger.warn("Sync failed library={}", library, ex);
			return "sync failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	@Override
	public List<SyncResult> runAll() {
		List<String> libraries = this.connectors.libraries();
		if (libraries.isEmpty()) {
			return List.of();
		}
		ExecutorService executor = Executors.newFixedThreadPool(Math.min(libraries.size(), MAX_PARALLEL_LIBRARIES),
				threads());
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

	private static ThreadFactory threads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "readerpass-sync-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}

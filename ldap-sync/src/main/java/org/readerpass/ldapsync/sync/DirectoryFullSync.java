package org.readerpass.ldapsync.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.ContentSyncReader;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full sync through the libraries' {@link AccountReader} connectors: reads all of a library's
 * entries, writes them (batches written behind the read), then {@link MissingAccountsBrake} suspends
 * and purges. Libraries run concurrently on a small pool of their own (fixed: the code targets Java
 * 17). A run holds the library through the {@link LibrarySyncCoordinator} (lock, then lease, renewed
 * from the read loop; a persist stream holding it is preempted): a run that cannot get it does not
 * start, and a run that loses the lease stops, braked for {@link BrakeReason#LEASE_LOST}. For a
 * content-sync library, the directory's cookie taken before the read is stored after a complete one.
 * The directory's time taken before the read ({@link RunStart}) becomes the high-water mark of a
 * complete run.
 */
final class DirectoryFullSync implements FullSync {

	private static final int MAX_PARALLEL_LIBRARIES = 4;

	private static final Logger logger = LoggerFactory.getLogger(DirectoryFullSync.class);

	private final LibrarySyncCoordinator coordinator;

	/** @param coordinator shared with the node's other sync engines */
	DirectoryFullSync(LibrarySyncCoordinator coordinator) {
		this.coordinator = coordinator;
	}

	@Override
	public SyncResult run(String libraryCode) {
		return run(libraryCode, 0, null);
	}

	@Override
	public SyncResult confirmDeletions(String libraryCode, UUID brakedRunId) {
		SyncRuns runs = this.coordinator.runs();
		SyncResult braked = runs.find(brakedRunId)
			.filter((run) -> run.libraryCode().equals(libraryCode))
			.orElseThrow(() -> new IllegalStateException("no run " + brakedRunId + " of library " + libraryCode));
		BrakeReason reason = braked.deletions().brakeReason();
		if (!braked.braked() || !reason.confirmable()) {
			throw new IllegalStateException("run " + brakedRunId + " was not braked for missing accounts ("
					+ reason + "): there is nothing to confirm");
		}
		boolean latest = runs.latest(libraryCode, SyncKind.FULL, 1).stream().allMatch((run) -> run.runId().equals(brakedRunId));
		if (!latest) {
			throw new IllegalStateException("run " + brakedRunId + " is no longer the latest full run of library "
					+ libraryCode + ": confirm the latest braked run");
		}
		int missing = braked.deletions().missing();
		logger.info("Deletions confirmed library={} syncRun={} missing={}", libraryCode, brakedRunId, missing);
		return run(libraryCode, missing, brakedRunId);
	}

	private SyncResult run(String libraryCode, int confirmedMissing, UUID confirms) {
		AccountReader reader = this.coordinator.connectors()
			.accountReader(libraryCode)
			.orElseThrow(() -> new IllegalArgumentException("no directory configured for library " + libraryCode));
		Instant started = this.coordinator.clock().instant();
		if (this.coordinator.closed()) {
			return notStarted(libraryCode, started, "sync closed: the application is stopping", confirms);
		}
		Optional<LibrarySyncCoordinator.LibraryHold> hold = this.coordinator.tryHoldPreempting(libraryCode);
		if (hold.isEmpty()) {
			return notStarted(libraryCode, started, "a sync of this library is already running", confirms);
		}
		try (LibrarySyncCoordinator.LibraryHold library = hold.get()) {
			String refusal = library.takeLease();
			if (refusal != null) {
				return notStarted(libraryCode, started, refusal, confirms);
			}
			SyncRun run = this.coordinator.newRunWritingBehind(libraryCode);
			try (LeaseKeeper keeper = library.keeper(run).start(() -> {
			})) {
				this.coordinator.started(run, SyncKind.FULL, started);
				byte[] cookie = currentCookie(libraryCode);
				run.startsAt(this.coordinator.runStart(libraryCode)); // before the read: the next run reads from here
				ReadEnd end = readAll(libraryCode, reader, run, keeper);
				if (end.error() == null && cookie != null) {
					saveCookie(libraryCode, cookie, run.id());
				}
				SyncResult result = finish(libraryCode, run, started, end, confirmedMissing, confirms);
				this.coordinator.record(result, run);
				return result;
			}
			finally {
				this.coordinator.finished(run);
			}
		}
	}

	/**
	 * For a content-sync library, the directory's cookie taken before the full read: stored after a
	 * complete read, content sync resumes from it and misses no change made during the read.
	 */
	private byte[] currentCookie(String libraryCode) {
		Optional<ContentSyncReader> content = this.coordinator.connectors().contentSyncReader(libraryCode);
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

	private void saveCookie(String libraryCode, byte[] cookie, UUID runId) {
		try {
			this.coordinator.runs().saveCookie(libraryCode, cookie, runId, this.coordinator.clock().instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Content-sync cookie not stored library={} syncRun={}", libraryCode, runId, ex);
		}
	}

	private SyncResult notStarted(String libraryCode, Instant started, String why, UUID confirms) {
		return SyncResult.notStarted(libraryCode, SyncKind.FULL, started, this.coordinator.clock().instant(), why,
				confirms);
	}

	/** Suspends and purges as the brake allows after the read. */
	private SyncResult finish(String library, SyncRun run, Instant started, ReadEnd end, int confirmedMissing,
			UUID confirms) {
		String error = end.error();
		MissingAccountsBrake.Outcome deletions;
		try {
			deletions = this.coordinator.applyDeletions(library, run, end.brakeReason(), confirmedMissing);
		}
		catch (RuntimeException ex) {
			logger.warn("Suspending or purging missing accounts failed library={} syncRun={}", library, run.id(), ex);
			error = (error != null) ? error : "sync failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
			deletions = new MissingAccountsBrake.Outcome(0, 0, 0, BrakeReason.RUN_FAILED);
		}
		SyncResult result = run.result(SyncKind.FULL, started, error, deletions, confirms);
		SyncResult.Deletions done = result.deletions();
		if (result.braked() && done.brakeReason().confirmable()) {
			logger.warn("Sync braked, nobody suspended library={} syncRun={} reason={} missing={}", library,
					result.runId(), done.brakeReason(), done.missing());
		}
		else if (done.suspended() > 0 || done.restored() > 0 || done.purged() > 0) {
			logger.info("Missing accounts library={} syncRun={} suspended={} restored={} purged={}", library,
					result.runId(), done.suspended(), done.restored(), done.purged());
		}
		return result;
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
			logger.warn("Sync stopped library={} syncRun={}: {}", library, run.id(), ex.getMessage(), ex.getCause());
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
		return runAll(this.coordinator.connectors().libraries());
	}

	@Override
	public List<SyncResult> runAll(List<String> libraries) {
		if (libraries.isEmpty()) {
			return List.of();
		}
		ExecutorService executor = Executors.newFixedThreadPool(Math.min(libraries.size(), MAX_PARALLEL_LIBRARIES),
				LibrarySyncCoordinator.daemonThreads("readerpass-sync-"));
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

}

package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.readerpass.ldapsync.connector.ChangeReader;
import org.readerpass.ldapsync.connector.ContentSyncReader;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.ReadFailure;
import org.readerpass.ldapsync.lease.SyncLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental sync through the libraries' {@link ChangeReader} connectors. It shares the
 * {@link DirectoryFullSync}'s accounts, run records, per-library lock and sync lease, so a library never runs
 * a full and an incremental sync at once. It reads from the library's high-water mark less the
 * duration of the run that set it and less the overlap: an entry changed during that run after it
 * had been read, or changed while the directory's clock was behind, or committed late, is read
 * again rather than missed (and comes back unchanged when it was not).
 */
public final class DirectoryIncrementalSync implements IncrementalSync {

	private static final Logger logger = LoggerFactory.getLogger(DirectoryIncrementalSync.class);

	private final DirectoryFullSync fullSync;

	private final Function<String, Duration> overlaps;

	/** @param overlaps each library's {@code incremental-overlap} */
	public DirectoryIncrementalSync(DirectoryFullSync fullSync, Function<String, Duration> overlaps) {
		this.fullSync = fullSync;
		this.overlaps = overlaps;
	}

	@Override
	public SyncResult run(String libraryCode) {
		Optional<ContentSyncReader> content = this.fullSync.connectors().contentSyncReader(libraryCode);
		ChangeReader reader = this.fullSync.connectors()
			.changeReader(libraryCode)
			.orElseThrow(() -> new IllegalArgumentException("no directory configured for library " + libraryCode));
		Instant started = this.fullSync.clock().instant();
		ReentrantLock lock = this.fullSync.lockOf(libraryCode);
		if (!lock.tryLock()) {
			return notStarted(libraryCode, started, "a sync of this library is already running");
		}
		DirectoryFullSync.Lease lease = null;
		try {
			lease = this.fullSync.acquireLease(libraryCode);
			if (lease.held() == null) {
				return notStarted(libraryCode, started, lease.refusal());
			}
			return content.isPresent() ? refresh(libraryCode, content.get(), lease.held(), started)
					: readChanges(libraryCode, reader, lease.held(), started);
		}
		finally {
			if (lease != null && lease.held() != null) {
				DirectoryFullSync.release(lease.held());
			}
			lock.unlock();
		}
	}

	/** By change timestamps, from the high-water mark. */
	private SyncResult readChanges(String libraryCode, ChangeReader reader, SyncLease.Held lease, Instant started) {
		Optional<HighWaterMark> mark;
		try {
			mark = this.fullSync.runs().highWaterMark(libraryCode);
		}
		catch (RuntimeException ex) {
			logger.warn("High-water mark not readable library={}", libraryCode, ex);
			return notStarted(libraryCode, started, "high-water mark not readable: " + ex.getMessage());
		}
		if (mark.isEmpty()) {
			return notStarted(libraryCode, started, "no high-water mark yet: a full sync must complete first");
		}
		Instant since = mark.get().since(this.overlaps.apply(libraryCode));
		SyncRun run = this.fullSync.newRun(libraryCode);
		this.fullSync.progress().started(run, SyncKind.INCREMENTAL, started, null);
		try (LeaseKeeper keeper = this.fullSync.keeper(run, lease).start(() -> {
		})) {
			String error = read(libraryCode, reader, since, run, keeper);
			SyncResult result = run.result(SyncKind.INCREMENTAL, started, error,
					new MissingAccountsBrake.Outcome(0, 0, 0, null), null);
			this.fullSync.record(result);
			log(result, "since=" + since);
			return result;
		}
		finally {
			this.fullSync.progress().finished(run);
		}
	}

	/** By RFC 4533 refreshOnly, from the stored cookie. */
	private SyncResult refresh(String libraryCode, ContentSyncReader reader, SyncLease.Held lease, Instant started) {
		Optional<byte[]> cookie;
		try {
			cookie = this.fullSync.runs().cookie(libraryCode);
		}
		catch (RuntimeException ex) {
			logger.warn("Content-sync cookie not readable library={}", libraryCode, ex);
			return notStarted(libraryCode, started, "content-sync cookie not readable: " + ex.getMessage());
		}
		if (cookie.isEmpty()) {
			return notStarted(libraryCode, started, "no content-sync cookie yet: a full sync must complete first");
		}
		SyncRun run = this.fullSync.newRun(libraryCode);
		this.fullSync.progress().started(run, SyncKind.INCREMENTAL, started, null);
		try (LeaseKeeper keeper = this.fullSync.keeper(run, lease).start(() -> {
		})) {
			ContentSyncWriter writer = new ContentSyncWriter(run, keeper, this.fullSync.accounts(),
					this.fullSync.deletions(), this.fullSync.runs(), this.fullSync.clock(),
					this.fullSync.policy(libraryCode).safetyBrake());
			String error = contentRead(libraryCode, run, keeper, () -> {
				reader.refresh(cookie.get(), writer);
				writer.commit();
			}, this.fullSync);
			SyncResult result = run.result(SyncKind.INCREMENTAL, started, error, writer.deletions(), null);
			this.fullSync.record(result);
			log(result, "by content sync");
			return result;
		}
		finally {
			this.fullSync.progress().finished(run);
		}
	}

	/** A content-sync read; {@code null} when it ended normally, else why not. */
	static String contentRead(String library, SyncRun run, LeaseKeeper keeper, ContentRead read,
			DirectoryFullSync fullSync) {
		try {
			read.run();
			keeper.confirm();
			return null;
		}
		catch (LeaseKeeper.LeaseLostException ex) {
			logger.warn("Content sync stopped, lease lost library={} syncRun={}", library, run.id(), ex.getCause());
			return ex.getMessage();
		}
		catch (DirectoryException ex) {
			if (ex.failure() == ReadFailure.SYNC_REFRESH_REQUIRED) {
				logger.warn("Content-sync cookie refused by the directory, forgotten; the next full sync takes a new one "
						+ "library={}", library);
				fullSync.runs().clearCookie(library);
				return ex.getMessage() + " (cookie forgotten: the next full sync takes a new one)";
			}
			logger.debug("Directory failure library={}", library, ex);
			return ex.getMessage();
		}
		catch (RuntimeException ex) {
			logger.warn("Content sync failed library={}", library, ex);
			return "sync failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	/** A read that may fail like a directory does. */
	@FunctionalInterface
	interface ContentRead {

		void run() throws DirectoryException;

	}

	/** Reads and writes the changes; {@code null} when the directory was read to the end, else why not. */
	private static String read(String library, ChangeReader reader, Instant since, SyncRun run, LeaseKeeper keeper) {
		try {
			try {
				reader.readChangedSince(since, keeper);
			}
			finally {
				if (!keeper.lost()) {
					run.flush();
				}
			}
			keeper.confirm(); // still ours before the high-water mark moves
			return null;
		}
		catch (LeaseKeeper.LeaseLostException ex) {
			logger.warn("Incremental sync stopped, lease lost library={} syncRun={}", library, run.id(), ex.getCause());
			return ex.getMessage();
		}
		catch (DirectoryException ex) {
			logger.debug("Directory failure library={}", library, ex);
			return ex.getMessage();
		}
		catch (RuntimeException ex) {
			logger.warn("Incremental sync failed library={}", library, ex);
			return "sync failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	private SyncResult notStarted(String library, Instant started, String why) {
		return new SyncResult(null, library, 0, 0, 0, 0, 0, List.of(), started, this.fullSync.clock().instant(), why, 0,
				0, 0, 0, null, null, SyncKind.INCREMENTAL, null);
	}

	private static void log(SyncResult result, String from) {
		if (!result.completed()) {
			logger.warn("Incremental sync stopped library={} syncRun={} read={} error=\"{}\"", result.libraryCode(),
					result.runId(), result.read(), result.error());
		}
		else if (result.created() > 0 || result.updated() > 0 || result.restored() > 0 || result.suspended() > 0
				|| result.failed() > 0) {
			logger.info("Incremental sync library={} syncRun={} {} read={} created={} updated={} restored={} "
					+ "suspended={} failed={}", result.libraryCode(), result.runId(), from, result.read(), result.created(),
					result.updated(), result.restored(), result.suspended(), result.failed());
		}
		else {
			logger.debug("Incremental sync, nothing changed library={} syncRun={} {} read={}",
					result.libraryCode(), result.runId(), from, result.read());
		}
	}

}

package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.readerpass.ldapsync.connector.ChangeReader;
import org.readerpass.ldapsync.connector.ContentSyncReader;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental sync through the libraries' {@link ChangeReader} connectors. It shares the node's
 * {@link LibrarySyncCoordinator} with the full sync (accounts, run records, per-library lock and
 * sync lease), so a library never runs a full and an incremental sync at once. It reads from the
 * library's high-water mark (the directory's time at the start of the latest complete run) less the
 * overlap, so a change committed late, or replicated late to the server read, is read again rather
 * than missed (and comes back unchanged when it was not); before it reads, it takes the directory's
 * time ({@link RunStart}), which becomes the next mark. A content-sync library is refreshed from its
 * stored cookie instead (RFC 4533 refreshOnly).
 */
final class DirectoryIncrementalSync implements IncrementalSync {

	private static final Logger logger = LoggerFactory.getLogger(DirectoryIncrementalSync.class);

	private final LibrarySyncCoordinator coordinator;

	private final Function<String, Duration> overlaps;

	/**
	 * @param coordinator shared with the node's other sync engines
	 * @param overlaps each library's {@code incremental-overlap}
	 */
	DirectoryIncrementalSync(LibrarySyncCoordinator coordinator, Function<String, Duration> overlaps) {
		this.coordinator = coordinator;
		this.overlaps = overlaps;
	}

	@Override
	public SyncResult run(String libraryCode) {
		Optional<ContentSyncReader> content = this.coordinator.connectors().contentSyncReader(libraryCode);
		ChangeReader reader = this.coordinator.connectors()
			.changeReader(libraryCode)
			.orElseThrow(() -> new IllegalArgumentException("no directory configured for library " + libraryCode));
		Instant started = this.coordinator.clock().instant();
		Optional<LibrarySyncCoordinator.LibraryHold> hold = this.coordinator.tryHold(libraryCode);
		if (hold.isEmpty()) {
			return notStarted(libraryCode, started, "a sync of this library is already running");
		}
		try (LibrarySyncCoordinator.LibraryHold library = hold.get()) {
			String refusal = library.takeLease();
			if (refusal != null) {
				return notStarted(libraryCode, started, refusal);
			}
			return content.isPresent() ? refresh(libraryCode, content.get(), library, started)
					: readChanges(libraryCode, reader, library, started);
		}
	}

	/** By change timestamps, from the high-water mark. */
	private SyncResult readChanges(String libraryCode, ChangeReader reader, LibrarySyncCoordinator.LibraryHold library,
			Instant started) {
		Optional<HighWaterMark> mark;
		try {
			mark = this.coordinator.runs().highWaterMark(libraryCode);
		}
		catch (RuntimeException ex) {
			logger.warn("High-water mark not readable library={}", libraryCode, ex);
			return notStarted(libraryCode, started, "high-water mark not readable: " + ex.getMessage());
		}
		if (mark.isEmpty()) {
			return notStarted(libraryCode, started, "no high-water mark yet: a full sync must complete first");
		}
		Instant since = mark.get().since(this.overlaps.apply(libraryCode));
		SyncRun run = this.coordinator.newRun(libraryCode);
		this.coordinator.started(run, SyncKind.INCREMENTAL, started);
		try (LeaseKeeper keeper = library.keeper(run).start(() -> {
		})) {
			run.startsAt(this.coordinator.runStart(libraryCode, mark)); // before the read: the next run reads from here
			String error = read(libraryCode, reader, since, run, keeper);
			SyncResult result = run.result(SyncKind.INCREMENTAL, started, error,
					new MissingAccountsBrake.Outcome(0, 0, 0, null), null);
			this.coordinator.record(result, run);
			log(result, "since=" + since);
			return result;
		}
		finally {
			this.coordinator.finished(run);
		}
	}

	/** By RFC 4533 refreshOnly, from the stored cookie. */
	private SyncResult refresh(String libraryCode, ContentSyncReader reader, LibrarySyncCoordinator.LibraryHold library,
			Instant started) {
		Optional<byte[]> cookie;
		try {
			cookie = this.coordinator.runs().cookie(libraryCode);
		}
		catch (RuntimeException ex) {
			logger.warn("Content-sync cookie not readable library={}", libraryCode, ex);
			return notStarted(libraryCode, started, "content-sync cookie not readable: " + ex.getMessage());
		}
		if (cookie.isEmpty()) {
			return notStarted(libraryCode, started, "no content-sync cookie yet: a full sync must complete first");
		}
		SyncRun run = this.coordinator.newRun(libraryCode);
		this.coordinator.started(run, SyncKind.INCREMENTAL, started);
		try (LeaseKeeper keeper = library.keeper(run).start(() -> {
		})) {
			ContentSyncWriter writer = this.coordinator.contentWriter(run, keeper);
			String error = writer.read(() -> reader.refresh(cookie.get(), writer));
			SyncResult result = run.result(SyncKind.INCREMENTAL, started, error, writer.deletions(), null);
			this.coordinator.record(result);
			log(result, "by content sync");
			return result;
		}
		finally {
			this.coordinator.finished(run);
		}
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
			logger.warn("Incremental sync stopped library={} syncRun={}: {}", library, run.id(), ex.getMessage(), ex.getCause());
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
		return SyncResult.notStarted(library, SyncKind.INCREMENTAL, started, this.coordinator.clock().instant(), why,
				null);
	}

	private static void log(SyncResult result, String from) {
		SyncResult.Counts counts = result.counts();
		SyncResult.Deletions deletions = result.deletions();
		if (!result.completed()) {
			logger.warn("Incremental sync stopped library={} syncRun={} read={} error=\"{}\"", result.libraryCode(),
					result.runId(), counts.read(), result.error());
		}
		else if (counts.created() > 0 || counts.updated() > 0 || deletions.restored() > 0 || deletions.suspended() > 0
				|| counts.failed() > 0) {
			logger.info("Incremental sync library={} syncRun={} {} read={} created={} updated={} restored={} "
					+ "suspended={} failed={}", result.libraryCode(), result.runId(), from, counts.read(),
					counts.created(), counts.updated(), deletions.restored(), deletions.suspended(), counts.failed());
		}
		else {
			logger.debug("Incremental sync, nothing changed library={} syncRun={} {} read={}",
					result.libraryCode(), result.runId(), from, counts.read());
		}
	}

}

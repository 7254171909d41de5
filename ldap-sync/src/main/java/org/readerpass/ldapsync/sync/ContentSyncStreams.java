package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.readerpass.ldapsync.connector.ContentSyncReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RFC 4533 refreshAndPersist streams of the libraries configured for
 * {@code content-sync-persist}: per library one thread keeps one persist search open, under the
 * library's lock and sync lease (so on one node at a time; the lease is renewed in the background
 * while the stream waits), writing each change as the directory sends it and storing the cookie
 * after it. A stream starts from the library's stored cookie (a complete full run stores the first),
 * so it resumes where the last one stopped, on this node or another. A full run preempts the
 * stream (it stops, the full run reads, the stream restarts from the cookie the full run stored);
 * a failure restarts it after a back-off (1 s, doubling, at most 30 s). Each session is recorded
 * as a {@link SyncKind#PERSIST} run when it ends; while it lasts it is in {@link RunningSyncs}. The
 * lock, lease, preemption and run records are the {@link LibrarySyncCoordinator}'s.
 */
final class ContentSyncStreams implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ContentSyncStreams.class);

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	/** A session that lasted this long resets the back-off. */
	private static final Duration HEALTHY_SESSION = Duration.ofSeconds(60);

	private final LibrarySyncCoordinator coordinator;

	private final Duration firstBackoff;

	private final Duration maxBackoff;

	private final Map<String, Stream> streams = new ConcurrentHashMap<>();

	private volatile boolean closed;

	/** @param coordinator shared with the node's other sync engines */
	ContentSyncStreams(LibrarySyncCoordinator coordinator) {
		this(coordinator, FIRST_BACKOFF, MAX_BACKOFF);
	}

	/**
	 * @param coordinator shared with the node's other sync engines
	 * @param firstBackoff how long a failed stream waits before it restarts (then twice as long each
	 * time); 1 s in production
	 * @param maxBackoff the longest wait before a restart; 30 s in production
	 */
	ContentSyncStreams(LibrarySyncCoordinator coordinator, Duration firstBackoff, Duration maxBackoff) {
		this.coordinator = coordinator;
		this.firstBackoff = firstBackoff;
		this.maxBackoff = maxBackoff;
	}

	/**
	 * Starts a stream for each of these libraries.
	 * @throws IllegalArgumentException when a library's connector does not offer content sync
	 */
	synchronized void start(List<String> libraries) {
		if (this.closed) {
			throw new IllegalStateException("content-sync streams closed");
		}
		for (String library : libraries) {
			ContentSyncReader reader = this.coordinator.connectors()
				.contentSyncReader(library)
				.orElseThrow(() -> new IllegalArgumentException("library " + library + " is not read by content sync"));
			Stream stream = new Stream(library, reader);
			if (this.streams.putIfAbsent(library, stream) != null) {
				throw new IllegalStateException("content-sync stream of library " + library + " already started");
			}
			Thread thread = new Thread(stream::loop, "readerpass-sync-persist-" + library);
			thread.setDaemon(true);
			stream.thread = thread;
			thread.start();
			logger.info("Content-sync stream started library={}", library);
		}
	}

	/** The libraries with a stream (running, or waiting to start again). */
	List<String> libraries() {
		return List.copyOf(this.streams.keySet());
	}

	/** Whether the library's stream has a persist search open now. */
	boolean streaming(String library) {
		Stream stream = this.streams.get(library);
		return stream != null && stream.persistence != null;
	}

	/** Stops every stream (each records its session) and waits briefly for them. */
	@Override
	public void close() {
		this.closed = true;
		List<Stream> stopping = new ArrayList<>(this.streams.values());
		stopping.forEach(Stream::stop);
		for (Stream stream : stopping) {
			stream.thread.interrupt();
		}
		for (Stream stream : stopping) {
			try {
				stream.thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private final class Stream {

		private final String library;

		private final ContentSyncReader reader;

		private Thread thread;

		private volatile ContentSyncReader.Persistence persistence;

		/** Set to stop the session in progress (or about to start its search). */
		private volatile boolean stopRequested;

		private volatile boolean preempted;

		Stream(String library, ContentSyncReader reader) {
			this.library = library;
			this.reader = reader;
		}

		void loop() {
			Duration backoff = ContentSyncStreams.this.firstBackoff;
			while (!ContentSyncStreams.this.closed) {
				Instant started = Instant.now();
				Session session;
				try {
					session = session();
				}
				catch (InterruptedException ex) {
					break;
				}
				catch (RuntimeException ex) {
					logger.warn("Content-sync stream failed library={}", this.library, ex);
					session = Session.FAILED;
				}
				if (ContentSyncStreams.this.closed) {
					break;
				}
				if (session == Session.PREEMPTED) {
					awaitPreemptingRun();
					backoff = ContentSyncStreams.this.firstBackoff;
					continue;
				}
				if (Duration.between(started, Instant.now()).compareTo(HEALTHY_SESSION) >= 0) {
					backoff = ContentSyncStreams.this.firstBackoff;
				}
				if (!sleep(backoff)) {
					break;
				}
				if (session == Session.FAILED) {
					backoff = min(backoff.multipliedBy(2), ContentSyncStreams.this.maxBackoff);
				}
			}
		}

		/** One persist session under the library's lock and lease. */
		private Session session() throws InterruptedException {
			LibrarySyncCoordinator coordinator = ContentSyncStreams.this.coordinator;
			try (LibrarySyncCoordinator.LibraryHold library = coordinator.hold(this.library)) {
				this.stopRequested = false;
				this.preempted = false;
				Optional<byte[]> cookie = coordinator.runs().cookie(this.library);
				if (cookie.isEmpty()) {
					logger.debug("Content-sync stream waits for a complete full run library={}", this.library);
					return Session.NOT_STARTED;
				}
				String refusal = library.takeLease();
				if (refusal != null) {
					logger.debug("Content-sync stream not started library={} reason=\"{}\"", this.library, refusal);
					return Session.NOT_STARTED;
				}
				return stream(cookie.get(), library);
			}
		}

		private Session stream(byte[] cookie, LibrarySyncCoordinator.LibraryHold library) {
			LibrarySyncCoordinator coordinator = ContentSyncStreams.this.coordinator;
			Instant started = coordinator.clock().instant();
			SyncRun run = coordinator.newRun(this.library);
			coordinator.started(run, SyncKind.PERSIST, started);
			coordinator.preemption(this.library, () -> {
				this.preempted = true;
				stop();
			});
			try (LeaseKeeper keeper = library.keeper(run).start(this::stop)) {
				ContentSyncWriter writer = coordinator.contentWriter(run, keeper);
				logger.debug("Content-sync stream opening library={} syncRun={}", this.library, run.id());
				String error = writer.read(() -> this.reader.persist(cookie, writer, this::opened));
				SyncResult result = run.result(SyncKind.PERSIST, started, error, writer.deletions(), null);
				coordinator.record(result);
				SyncResult.Counts counts = result.counts();
				if (error != null && !ContentSyncStreams.this.closed) {
					logger.warn("Content-sync stream stopped library={} syncRun={} read={} error=\"{}\"", this.library,
							run.id(), counts.read(), error);
					return Session.FAILED;
				}
				if (error != null) {
					return Session.FAILED;
				}
				logger.info("Content-sync stream ended library={} syncRun={} read={} created={} updated={} "
						+ "suspended={} preempted={}", this.library, run.id(), counts.read(), counts.created(),
						counts.updated(), result.deletions().suspended(), this.preempted);
				return this.preempted ? Session.PREEMPTED : Session.STOPPED;
			}
			finally {
				this.persistence = null;
				coordinator.preemption(this.library, null);
				coordinator.finished(run);
			}
		}

		private void opened(ContentSyncReader.Persistence persistence) {
			this.persistence = persistence;
			if (this.stopRequested || ContentSyncStreams.this.closed) {
				persistence.stop();
			}
		}

		void stop() {
			this.stopRequested = true;
			ContentSyncReader.Persistence current = this.persistence;
			if (current != null) {
				current.stop();
			}
		}

		/** Lets the full run that preempted this stream take the lock first (the lock is fair). */
		private void awaitPreemptingRun() {
			LibrarySyncCoordinator coordinator = ContentSyncStreams.this.coordinator;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (!coordinator.claimed(this.library) && System.nanoTime() < deadline) {
				if (!sleep(Duration.ofMillis(10))) {
					return;
				}
			}
		}

		private boolean sleep(Duration duration) {
			try {
				Thread.sleep(duration.toMillis());
				return true;
			}
			catch (InterruptedException ex) {
				return false;
			}
		}

	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private enum Session {

		/** Stopped on request (closing). */
		STOPPED,

		/** Stopped for a full run. */
		PREEMPTED,

		/** No cookie yet, or the lease is held elsewhere. */
		NOT_STARTED,

		/** The directory or the store failed, or the lease was lost. */
		FAILED

	}

}

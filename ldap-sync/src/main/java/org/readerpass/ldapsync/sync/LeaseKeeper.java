package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.EntryHandler;
import org.readerpass.ldapsync.lease.SyncLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a run's lease: a background task renews it every third of its time-to-live while the run
 * lasts ({@link #start()} to {@link #close()}), so a run waiting on a slow directory or a persist
 * stream waiting for changes keeps it as long as this node lives; the read loop renews it too
 * (by the run's clock) and, once the lease is lost, throws {@link LeaseLostException} before the next
 * entry is handled, which ends the read. A node that dies stops renewing, and the lease expires.
 */
final class LeaseKeeper implements EntryHandler, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LeaseKeeper.class);

	private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "readerpass-sync-lease");
		thread.setDaemon(true);
		return thread;
	});

	private final EntryHandler handler;

	private final SyncLease.Held held;

	private final Clock clock;

	private final Duration renewEvery;

	private Instant renewed;

	private final BooleanSupplier stopping;

	private volatile boolean lost;

	private volatile Runnable onLost = () -> {
	};

	private ScheduledFuture<?> renewal;

	/** @param stopping whether the node is stopping: the run then ends before its next entry, as if the lease was lost */
	LeaseKeeper(EntryHandler handler, SyncLease.Held held, Clock clock, Duration ttl, BooleanSupplier stopping) {
		this.handler = handler;
		this.stopping = stopping;
		this.held = held;
		this.clock = clock;
		this.renewEvery = ttl.dividedBy(3);
		this.renewed = clock.instant();
	}

	/** Starts renewing in the background; {@code onLost} runs (on the renewing thread) if the lease is lost there. */
	synchronized LeaseKeeper start(Runnable onLost) {
		this.onLost = onLost;
		long period = Math.max(1, this.renewEvery.toMillis());
		this.renewal = RENEWALS.scheduleAtFixedRate(this::renewInBackground, period, period, TimeUnit.MILLISECONDS);
		return this;
	}

	@Override
	public void entry(DirectoryEntry entry) {
		keep();
		this.handler.entry(entry);
	}

	@Override
	public void malformed(String dn, String reason) {
		keep();
		this.handler.malformed(dn, reason);
	}

	@Override
	public void malformed(String dn, String directoryId, String reason) {
		keep();
		this.handler.malformed(dn, directoryId, reason);
	}

	@Override
	public void changedAt(Instant timestamp) {
		this.handler.changedAt(timestamp);
	}

	/** Whether the lease was found lost; nothing more is written then. */
	boolean lost() {
		return this.lost;
	}

	/** Renews now, whatever the time (before the run's outcome is applied); throws when the lease is lost. */
	void confirm() {
		renew(this.clock.instant());
	}

	/** Throws when the lease is lost; renews it when a third of its time-to-live has passed (run's clock). */
	void keep() {
		if (this.lost) {
			throw new LeaseLostException(this.held.library(), null);
		}
		if (this.stopping.getAsBoolean()) {
			this.lost = true; // nothing more written: the lease is given back as the run ends
			throw LeaseLostException.nodeStopping(this.held.library());
		}
		Instant now = this.clock.instant();
		boolean due;
		synchronized (this) {
			due = !now.isBefore(this.renewed.plus(this.renewEvery));
		}
		if (due) {
			renew(now);
		}
	}

	/** Stops the background renewal (the lease itself is released by its holder). */
	@Override
	public synchronized void close() {
		if (this.renewal != null) {
			this.renewal.cancel(false);
		}
	}

	private void renewInBackground() {
		if (this.lost) {
			return;
		}
		try {
			renew(this.clock.instant());
		}
		catch (LeaseLostException ex) {
			logger.warn("Sync lease lost library={}", this.held.library(), ex.getCause());
			close();
			try {
				this.onLost.run();
			}
			catch (RuntimeException failure) {
				logger.warn("Stopping the run after its lease was lost failed library={}", this.held.library(), failure);
			}
		}
	}

	private synchronized void renew(Instant now) {
		if (this.lost) {
			throw new LeaseLostException(this.held.library(), null);
		}
		boolean kept;
		try {
			kept = this.held.renew();
		}
		catch (RuntimeException ex) {
			this.lost = true;
			throw new LeaseLostException(this.held.library(), ex);
		}
		if (!kept) {
			this.lost = true;
			throw new LeaseLostException(this.held.library(), null);
		}
		this.renewed = now;
	}

	/** The run's lease was lost: the run stops. */
	static final class LeaseLostException extends RuntimeException {

		LeaseLostException(String library, RuntimeException cause) {
			super("sync lease of library " + library + " lost"
					+ ((cause != null) ? " (lease store failed: " + cause.getMessage() + ")" : "")
					+ ": the run stopped and suspended nobody", cause);
		}

		private LeaseLostException(String message) {
			super(message);
		}

		/** The node is stopping: the run gives its lease back and suspends nobody. */
		static LeaseLostException nodeStopping(String library) {
			return new LeaseLostException("sync of library " + library
					+ " stopped: this node is stopping; the run suspended nobody and gave its lease back");
		}

	}

}

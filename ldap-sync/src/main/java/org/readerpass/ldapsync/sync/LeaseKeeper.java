package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.EntryHandler;
import org.readerpass.ldapsync.lease.SyncLease;

/**
 * Keeps a run's lease from the read loop: before an entry is handled, once a third of the lease's
 * time-to-live has passed since the last renewal, it renews the lease; when the lease is lost it
 * throws {@link LeaseLostException}, which ends the read. No thread of its own: a directory that
 * sends nothing for longer than the time-to-live loses the lease, and the run stops at its next entry.
 */
final class LeaseKeeper implements EntryHandler {

	private final EntryHandler handler;

	private final SyncLease.Held held;

	private final Clock clock;

	private final Duration renewEvery;

	private Instant renewed;

	private volatile boolean lost;

	LeaseKeeper(EntryHandler handler, SyncLease.Held held, Clock clock, Duration ttl) {
		this.handler = handler;
		this.held = held;
		this.clock = clock;
		this.renewEvery = ttl.dividedBy(3);
		this.renewed = clock.instant();
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

	private void keep() {
		if (this.lost) {
			throw new LeaseLostException(this.held.library(), null);
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(this.renewed.plus(this.renewEvery))) {
			renew(now);
		}
	}

	private void renew(Instant now) {
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

	}

}

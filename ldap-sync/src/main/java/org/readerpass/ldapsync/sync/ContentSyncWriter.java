package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.readerpass.ldapsync.account.MissingAccounts;
import org.readerpass.ldapsync.connector.ContentHandler;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.ReadFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a content synchronization sends, within one run: entries through the run's batches,
 * unchanged entries marked as seen, deleted entries suspended. At each cookie everything before it
 * is written, then the cookie is stored: a run that stops anywhere resumes from its last stored
 * cookie and loses nothing (a change written twice comes back unchanged).
 * <p>
 * Deletions the directory names are real deletions, not a half-read, yet one run (a refresh, or a
 * persist session, which restarts at each full sync) suspends at most the library's safety-brake
 * share of its accounts: beyond that, deletions are held and the run is braked
 * ({@link BrakeReason#TOO_MANY_MISSING}); the next full sync finds those accounts missing, brakes
 * too, and an admin confirms it. When the directory refreshes by its present phase (no session log),
 * the accounts it did not name are missing, and the full sync's rules apply ({@link MissingAccountsBrake}).
 */
final class ContentSyncWriter implements ContentHandler {

	private static final Logger logger = LoggerFactory.getLogger(ContentSyncWriter.class);

	private final SyncRun run;

	private final LeaseKeeper keeper;

	private final MissingAccounts accounts;

	private final MissingAccountsBrake brake;

	private final SyncRuns runs;

	private final Clock clock;

	private final int allowedDeletions;

	private final List<String> pendingDeletions = new ArrayList<>();

	private int suspended;

	private int held;

	private MissingAccountsBrake.Outcome presentPhase;

	private volatile int cookies;

	/**
	 * @param keeper the run's lease keeper, which hands entries on to {@code run}
	 * @param safetyBrake the library's share of accounts one run may suspend
	 */
	ContentSyncWriter(SyncRun run, LeaseKeeper keeper, MissingAccounts accounts, MissingAccountsBrake brake,
			SyncRuns runs, Clock clock, double safetyBrake) {
		this.run = run;
		this.keeper = keeper;
		this.accounts = accounts;
		this.brake = brake;
		this.runs = runs;
		this.clock = clock;
		this.allowedDeletions = (int) Math.floor(accounts.countPresent(run.library()) * safetyBrake);
	}

	@Override
	public void entry(DirectoryEntry entry) {
		this.keeper.entry(entry);
	}

	@Override
	public void malformed(String dn, String reason) {
		this.keeper.malformed(dn, reason);
	}

	@Override
	public void malformed(String dn, String directoryId, String reason) {
		this.keeper.malformed(dn, directoryId, reason);
	}

	@Override
	public void changedAt(java.time.Instant timestamp) {
		this.keeper.changedAt(timestamp);
	}

	@Override
	public void present(String directoryId) {
		this.keeper.keep();
		this.run.unchanged(directoryId);
	}

	@Override
	public void deleted(String directoryId) {
		this.keeper.keep();
		if (this.suspended + this.pendingDeletions.size() >= this.allowedDeletions) {
			this.held++;
			return;
		}
		this.pendingDeletions.add(directoryId);
	}

	@Override
	public void cookie(byte[] cookie) {
		commit();
		this.runs.saveCookie(this.run.library(), cookie, this.run.id(), this.clock.instant());
		this.cookies++;
	}

	@Override
	public void refreshed(boolean presentPhaseUsed) {
		if (presentPhaseUsed) {
			commit();
			this.presentPhase = this.brake.apply(this.run.library(), this.run, null, 0, this.clock.instant());
		}
	}

	/**
	 * Runs a content-sync read (a refresh, or a persist session) into this writer, then writes what
	 * is left and checks the lease is still held: {@code null} when it ended normally, else why not.
	 * A cookie the directory refuses is forgotten: the next full sync takes a new one.
	 */
	String read(ContentRead read) {
		String library = this.run.library();
		try {
			read.run();
			commit();
			this.keeper.confirm();
			return null;
		}
		catch (LeaseKeeper.LeaseLostException ex) {
			logger.warn("Content sync stopped library={} syncRun={}: {}", library, this.run.id(), ex.getMessage(), ex.getCause());
			return ex.getMessage();
		}
		catch (DirectoryException ex) {
			if (ex.failure() == ReadFailure.SYNC_REFRESH_REQUIRED) {
				logger.warn("Content-sync cookie refused by the directory, forgotten; the next full sync takes a new one "
						+ "library={}", library);
				this.runs.clearCookie(library);
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

	/** Writes what was handed over (unless the lease is lost: then nothing more is written). */
	void commit() {
		if (this.keeper.lost()) {
			throw new LeaseKeeper.LeaseLostException(this.run.library(), null);
		}
		this.run.flush();
		if (!this.pendingDeletions.isEmpty()) {
			this.suspended += this.accounts.suspendDeleted(this.run.library(), List.copyOf(this.pendingDeletions),
					this.clock.instant());
			this.pendingDeletions.clear();
		}
	}

	/** Cookies stored so far. */
	int cookies() {
		return this.cookies;
	}

	/** The run's deletions: named by the directory (suspended or held), and by a present phase. */
	MissingAccountsBrake.Outcome deletions() {
		MissingAccountsBrake.Outcome phase = (this.presentPhase != null) ? this.presentPhase
				: new MissingAccountsBrake.Outcome(0, 0, 0, null);
		BrakeReason reason = (this.held > 0) ? BrakeReason.TOO_MANY_MISSING : phase.brakeReason();
		return new MissingAccountsBrake.Outcome(this.suspended + this.held + phase.missing(),
				this.suspended + phase.suspended(), phase.purged(), reason);
	}

}

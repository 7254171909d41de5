package org.readerpass.ldapsync.sync;

import java.time.Instant;
import java.util.function.Function;

import org.readerpass.ldapsync.account.MissingAccounts;

/**
 * The deletion rules after a run has read a library: a run that ended early suspends nobody; a
 * complete run suspends the accounts it did not see unless the directory answered with nothing or
 * more than the library's safety brake allows were missing (an admin's confirmation of a braked
 * run allows as many as that run found); then accounts missing longer than the grace period are
 * purged.
 */
final class MissingAccountsBrake {

	private final MissingAccounts accounts;

	private final Function<String, DeletionPolicy> policies;

	MissingAccountsBrake(MissingAccounts accounts, Function<String, DeletionPolicy> policies) {
		this.accounts = accounts;
		this.policies = policies;
	}

	/**
	 * @param earlyEnd why the run did not read to the end, {@code null} when it did
	 * @param confirmedMissing how many missing accounts an admin confirmed (0 for an ordinary run)
	 */
	Outcome apply(String library, SyncRun run, BrakeReason earlyEnd, int confirmedMissing, Instant now) {
		if (earlyEnd != null) {
			return new Outcome(0, 0, 0, earlyEnd);
		}
		DeletionPolicy policy = this.policies.apply(library);
		int missing = this.accounts.countUnseen(library, run.id());
		BrakeReason brake = null;
		int suspended = 0;
		if (missing > 0) {
			if (missing > confirmedMissing) {
				int present = this.accounts.countPresent(library);
				if (run.read() == 0) {
					brake = BrakeReason.EMPTY_RESULT;
				}
				else if (missing > present * policy.safetyBrake()) {
					brake = BrakeReason.TOO_MANY_MISSING;
				}
			}
			if (brake == null) {
				suspended = this.accounts.suspendUnseen(library, run.id(), now);
			}
		}
		int purged = this.accounts.purgeMissingBefore(library, now.minus(policy.purgeAfter()));
		return new Outcome(missing, suspended, purged, brake);
	}

	record Outcome(int missing, int suspended, int purged, BrakeReason brakeReason) {

	}

}

package org.readerpass.adminui.livepolicy;

import java.time.Instant;
import java.util.List;

import org.readerpass.policy.evaluation.PolicySnapshot;

/**
 * The live snapshot with what it was built from.
 *
 * @param revision the store revision it holds
 * @param loadedAt when it was built
 * @param snapshot the snapshot itself
 * @param problems stored resources and grants left out because they do not fit the network plan
 * (e.g. a library or zone since removed from the configuration) or could not be read; normally none
 */
public record PolicyStatus(long revision, Instant loadedAt, PolicySnapshot snapshot, List<String> problems) {

	public PolicyStatus {
		problems = List.copyOf(problems);
	}

	public int resourceCount() {
		return this.snapshot.resources().resources().size();
	}

	public int grantCount() {
		return this.snapshot.grants().size();
	}

}

package org.readerpass.policy.testsupport;

import java.util.List;

import org.readerpass.policy.evaluation.PolicySnapshot;
import org.readerpass.policy.grant.Grant;

/** Snapshots over {@link TestNetworks#plan()} and {@link TestResources#registry()}. */
public final class TestPolicies {

	private TestPolicies() {
	}

	public static PolicySnapshot snapshot(Grant... grants) {
		return PolicySnapshot.of(TestNetworks.plan(), TestResources.registry(), List.of(grants));
	}

}

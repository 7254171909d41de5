package org.readerpass.policy.evaluation;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.readerpass.policy.network.Location;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.resource.Resource;

/** One evaluation in progress: checks each matching grant's conditions and sums up. */
final class Evaluation {

	private static final int NOT_YET_VALID = Failures.bit(ConditionFailure.NOT_YET_VALID);

	private static final int EXPIRED = Failures.bit(ConditionFailure.EXPIRED);

	private static final int VERIFICATION_TOO_LOW = Failures.bit(ConditionFailure.VERIFICATION_TOO_LOW);

	private static final int CLIENT_ADDRESS_UNKNOWN = Failures.bit(ConditionFailure.CLIENT_ADDRESS_UNKNOWN);

	private static final int OUTSIDE_NETWORK = Failures.bit(ConditionFailure.OUTSIDE_NETWORK);

	private final ReaderContext reader;

	private final NetworkPlan plan;

	private final Instant at;

	private final int verification;

	private Location location;

	private long allowed;

	private long denied;

	private final List<Reason> reasons = new ArrayList<>(4);

	private Instant changesAt;

	Evaluation(ReaderContext reader, NetworkPlan plan) {
		this.reader = reader;
		this.plan = plan;
		this.at = reader.at();
		this.verification = reader.verification().ordinal();
	}

	void visit(CompiledGrant[] grants) {
		if (grants != null) {
			for (CompiledGrant grant : grants) {
				visit(grant);
			}
		}
	}

	void visit(CompiledGrant grant) {
		int failures = 0;
		if (grant.validFrom != null && this.at.isBefore(grant.validFrom)) {
			failures |= NOT_YET_VALID;
			changesBy(grant.validFrom);
		}
		if (grant.validUntil != null) {
			if (this.at.isBefore(grant.validUntil)) {
				changesBy(grant.validUntil);
			}
			else {
				failures |= EXPIRED;
			}
		}
		if (this.verification < grant.minimumVerification) {
			failures |= VERIFICATION_TOO_LOW;
		}
		if (grant.network.needsAddress()) {
			InetAddress address = this.reader.clientAddress();
			if (address == null) {
				failures |= CLIENT_ADDRESS_UNKNOWN;
			}
			else if (!grant.network.isMetAt(location(address), this.reader.homeLibrary())) {
				failures |= OUTSIDE_NETWORK;
			}
		}
		if (failures == 0) {
			if (grant.deny) {
				this.denied |= grant.actions;
			}
			else {
				this.allowed |= grant.actions;
			}
		}
		this.reasons.add(new Reason(grant.grant, Failures.set(failures)));
	}

	private Location location(InetAddress address) {
		if (this.location == null) {
			this.location = this.plan.locate(address);
		}
		return this.location;
	}

	private void changesBy(Instant instant) {
		if (this.changesAt == null || instant.isBefore(this.changesAt)) {
			this.changesAt = instant;
		}
	}

	Decision decision(Resource resource) {
		return new Decision(resource, this.allowed & ~this.denied, this.denied, this.reasons, this.changesAt);
	}

}

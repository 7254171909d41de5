package org.readerpass.policy.evaluation;

import java.time.Instant;

import org.readerpass.policy.grant.Effect;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.resource.Resource;

/** A grant prepared for evaluation: its actions as a bit mask over the resource's actions. */
final class CompiledGrant {

	final Grant grant;

	final boolean deny;

	final long actions;

	final Instant validFrom;

	final Instant validUntil;

	final NetworkCondition network;

	final int minimumVerification;

	/** For a group subject: the library the group must belong to, or {@code null} for any. */
	final String groupLibrary;

	CompiledGrant(Grant grant, Resource resource) {
		this.grant = grant;
		this.deny = grant.effect() == Effect.DENY;
		this.actions = mask(grant, resource);
		this.validFrom = grant.conditions().validFrom();
		this.validUntil = grant.conditions().validUntil();
		this.network = grant.conditions().network();
		this.minimumVerification = grant.conditions().minimumVerification().ordinal();
		this.groupLibrary = (grant.subject() instanceof Subject.Group group) ? group.libraryCode() : null;
	}

	private static long mask(Grant grant, Resource resource) {
		int count = resource.actions().size();
		if (grant.coversAllActions()) {
			return (count == 64) ? -1L : (1L << count) - 1;
		}
		long mask = 0;
		for (String action : grant.actions()) {
			int index = resource.actionIndex(action);
			if (index < 0) {
				throw new IllegalStateException("grant " + grant.id() + " action " + action + " was not checked");
			}
			mask |= 1L << index;
		}
		return mask;
	}

}

package org.readerpass.policy.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.readerpass.policy.resource.Resource;

/**
 * What one reader may do with one resource, and why. Allowed actions are those of applied ALLOW
 * grants minus those of applied DENY grants. The reasons list every grant whose subject matched
 * the reader, applied or not, with the conditions that failed.
 */
public final class Decision {

	private final Resource resource;

	private final long allowed;

	private final long denied;

	private final List<String> allowedActions;

	private final List<Reason> reasons;

	private final Instant changesAt;

	Decision(Resource resource, long allowed, long denied, List<Reason> reasons, Instant changesAt) {
		this.resource = resource;
		this.allowed = allowed;
		this.denied = denied;
		this.allowedActions = actions(resource, allowed);
		this.reasons = Collections.unmodifiableList(reasons);
		this.changesAt = changesAt;
	}

	static Decision none(Resource resource) {
		return new Decision(resource, 0, 0, List.of(), null);
	}

	private static List<String> actions(Resource resource, long mask) {
		List<String> all = resource.actions();
		if (mask == 0) {
			return List.of();
		}
		if (Long.bitCount(mask) == all.size()) {
			return all;
		}
		String[] actions = new String[Long.bitCount(mask)];
		int next = 0;
		for (int i = 0; i < all.size(); i++) {
			if ((mask & (1L << i)) != 0) {
				actions[next++] = all.get(i);
			}
		}
		return List.of(actions);
	}

	/** The resource as this snapshot knows it. */
	public Resource resource() {
		return this.resource;
	}

	/** Allowed actions in the resource's order. */
	public List<String> allowedActions() {
		return this.allowedActions;
	}

	public boolean isAllowed(String action) {
		int index = this.resource.actionIndex(action);
		return index >= 0 && (this.allowed & (1L << index)) != 0;
	}

	public boolean allowsAny() {
		return this.allowed != 0;
	}

	/** Actions an applied DENY grant took away (or would have, had an ALLOW given them). */
	public List<String> deniedActions() {
		return actions(this.resource, this.denied);
	}

	/** Every grant whose subject matched the reader, in no particular order. */
	public List<Reason> reasons() {
		return this.reasons;
	}

	/**
	 * The next instant at which a matching grant's validity window opens or closes, so the
	 * decision may change (the reader and address staying the same); empty when none lies ahead.
	 * A token built from this decision should not outlive it.
	 */
	public Optional<Instant> changesAt() {
		return Optional.ofNullable(this.changesAt);
	}

	/** "Why does this reader (not) have access": one line per matching grant, then the outcome. */
	public List<String> explain() {
		List<String> lines = new ArrayList<>();
		this.reasons.forEach(reason -> lines.add(reason.describe()));
		if (this.reasons.isEmpty()) {
			lines.add("no grant for this reader on " + this.resource.code());
		}
		lines.add("allowed " + this.allowedActions + ((this.denied != 0) ? ", denied " + deniedActions() : ""));
		return lines;
	}

	@Override
	public String toString() {
		return "Decision[" + this.resource.code() + " allowed=" + this.allowedActions + ", reasons="
				+ this.reasons.size() + "]";
	}

}

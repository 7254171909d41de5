package org.readerpass.policy.evaluation;

import java.util.Set;
import java.util.stream.Collectors;

import org.readerpass.policy.grant.Grant;

/**
 * One grant whose subject matched the reader, and what became of it: applied (no failures),
 * or not applied because of the listed condition failures.
 *
 * @param grant the grant
 * @param failures the conditions that failed; empty when the grant applied
 */
public record Reason(Grant grant, Set<ConditionFailure> failures) {

	public Reason {
		failures = Set.copyOf(failures);
	}

	public boolean applied() {
		return this.failures.isEmpty();
	}

	/** E.g. {@code grant g7 not applied: client address unknown (DENY ...)}. */
	public String describe() {
		String outcome = applied() ? "applied"
				: "not applied: " + this.failures.stream()
					.sorted()
					.map(ConditionFailure::description)
					.collect(Collectors.joining(", "));
		return "grant " + this.grant.id() + " " + outcome + " (" + this.grant.describe() + ")";
	}

}

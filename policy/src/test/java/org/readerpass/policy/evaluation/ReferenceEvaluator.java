package org.readerpass.policy.evaluation;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.readerpass.policy.grant.Effect;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.network.NetworkZone;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.resource.Resource;

/**
 * The evaluator's rules written as plainly as possible: scan every grant, test every subject
 * and condition directly against the ranges. Slow on purpose; what the indexed evaluator must
 * agree with.
 */
final class ReferenceEvaluator {

	record Result(List<String> allowed, List<String> denied, List<String> reasons, Instant changesAt) {
	}

	private ReferenceEvaluator() {
	}

	static Result evaluate(NetworkPlan plan, Collection<Grant> grants, ReaderContext reader, Resource resource) {
		Set<String> allowed = new HashSet<>();
		Set<String> denied = new HashSet<>();
		List<String> reasons = new ArrayList<>();
		Instant changesAt = null;
		for (Grant grant : grants) {
			if (!grant.resourceCode().equals(resource.code()) || !matches(grant.subject(), reader)) {
				continue;
			}
			Set<ConditionFailure> failures = EnumSet.noneOf(ConditionFailure.class);
			Instant from = grant.conditions().validFrom();
			Instant until = grant.conditions().validUntil();
			if (from != null && reader.at().compareTo(from) < 0) {
				failures.add(ConditionFailure.NOT_YET_VALID);
			}
			if (until != null && reader.at().compareTo(until) >= 0) {
				failures.add(ConditionFailure.EXPIRED);
			}
			for (Instant boundary : new Instant[] { from, until }) {
				if (boundary != null && boundary.isAfter(reader.at())
						&& (changesAt == null || boundary.isBefore(changesAt))) {
					changesAt = boundary;
				}
			}
			if (reader.verification().compareTo(grant.conditions().minimumVerification()) < 0) {
				failures.add(ConditionFailure.VERIFICATION_TOO_LOW);
			}
			NetworkCondition network = grant.conditions().network();
			if (!(network instanceof NetworkCondition.Anywhere)) {
				if (reader.clientAddress() == null) {
					failures.add(ConditionFailure.CLIENT_ADDRESS_UNKNOWN);
				}
				else if (!isWhere(plan, network, reader)) {
					failures.add(ConditionFailure.OUTSIDE_NETWORK);
				}
			}
			reasons.add(grant.id() + failures);
			if (failures.isEmpty()) {
				Set<String> actions = grant.coversAllActions() ? Set.copyOf(resource.actions()) : grant.actions();
				((grant.effect() == Effect.DENY) ? denied : allowed).addAll(actions);
			}
		}
		reasons.sort(null);
		List<String> allowedInOrder = resource.actions()
			.stream()
			.filter(allowed::contains)
			.filter(action -> !denied.contains(action))
			.toList();
		List<String> deniedInOrder = resource.actions().stream().filter(denied::contains).toList();
		return new Result(allowedInOrder, deniedInOrder, reasons, changesAt);
	}

	static Result of(Decision decision) {
		List<String> reasons = new ArrayList<>();
		for (Reason reason : decision.reasons()) {
			Set<ConditionFailure> failures = reason.failures().isEmpty() ? EnumSet.noneOf(ConditionFailure.class)
					: EnumSet.copyOf(reason.failures());
			reasons.add(reason.grant().id() + failures);
		}
		reasons.sort(null);
		return new Result(decision.allowedActions(), decision.deniedActions(), reasons,
				decision.changesAt().orElse(null));
	}

	private static boolean matches(Subject subject, ReaderContext reader) {
		if (subject instanceof Subject.Reader one) {
			return one.readerId().equals(reader.readerId());
		}
		if (subject instanceof Subject.Account one) {
			return one.accountId().equals(reader.accountId());
		}
		if (subject instanceof Subject.ReaderType type) {
			return type.type().equals(reader.readerType());
		}
		if (subject instanceof Subject.Group group) {
			return reader.groups()
				.stream()
				.anyMatch(member -> member.name().equals(group.name())
						&& (group.libraryCode() == null || group.libraryCode().equals(member.libraryCode())));
		}
		if (subject instanceof Subject.LibrarySubtree subtree) {
			return reader.libraries()
				.stream()
				.anyMatch(code -> code.equals(subtree.libraryCode()) || code.startsWith(subtree.libraryCode() + "."));
		}
		Subject.VerifiedReaders verified = (Subject.VerifiedReaders) subject;
		return reader.verification().compareTo(verified.minimum()) >= 0;
	}

	private static boolean isWhere(NetworkPlan plan, NetworkCondition network, ReaderContext reader) {
		InetAddress address = reader.clientAddress();
		if (network instanceof NetworkCondition.OnSiteAtHomeLibrary) {
			return plan.tree()
				.libraries()
				.stream()
				.anyMatch(library -> library.code().equals(reader.homeLibrary()) && inside(library, address));
		}
		if (network instanceof NetworkCondition.OnSiteWithin within) {
			return plan.tree()
				.libraries()
				.stream()
				.anyMatch(library -> library.isWithin(within.libraryCode()) && inside(library, address));
		}
		String zone = ((NetworkCondition.InZone) network).zoneName();
		return plan.zones()
			.stream()
			.filter(candidate -> candidate.name().equals(zone))
			.map(NetworkZone::ipRanges)
			.flatMap(List::stream)
			.anyMatch(range -> range.contains(address));
	}

	private static boolean inside(Library library, InetAddress address) {
		return library.ipRanges().stream().anyMatch(range -> range.contains(address));
	}

}

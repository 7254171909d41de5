package org.readerpass.policy.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.resource.Resource;
import org.readerpass.policy.resource.ResourceRegistry;

/** What would be wrong with a grant against a network plan and resources. */
final class GrantChecks {

	private GrantChecks() {
	}

	static List<String> problems(Grant grant, NetworkPlan plan, ResourceRegistry resources) {
		List<String> problems = new ArrayList<>();
		String id = "grant '" + grant.id() + "'";
		Optional<Resource> resource = resources.find(grant.resourceCode());
		if (resource.isEmpty()) {
			problems.add(id + " names unknown resource '" + grant.resourceCode() + "'");
		}
		else if (!grant.coversAllActions()) {
			TreeSet<String> unknown = new TreeSet<>(grant.actions());
			unknown.removeAll(resource.get().actions());
			if (!unknown.isEmpty()) {
				problems.add(id + " names actions " + unknown + " that resource '" + grant.resourceCode()
						+ "' does not have (it has " + resource.get().actions() + ")");
			}
		}
		String subjectLibrary = null;
		if (grant.subject() instanceof Subject.LibrarySubtree subtree) {
			subjectLibrary = subtree.libraryCode();
		}
		else if (grant.subject() instanceof Subject.Group group) {
			subjectLibrary = group.libraryCode();
		}
		if (subjectLibrary != null && plan.tree().find(subjectLibrary).isEmpty()) {
			problems.add(id + " subject names unknown library '" + subjectLibrary + "'");
		}
		NetworkCondition network = grant.conditions().network();
		if (network instanceof NetworkCondition.OnSiteWithin within && plan.tree().find(within.libraryCode()).isEmpty()) {
			problems.add(id + " network condition names unknown library '" + within.libraryCode() + "'");
		}
		if (network instanceof NetworkCondition.InZone zone && plan.findZone(zone.zoneName()).isEmpty()) {
			problems.add(id + " network condition names unknown zone '" + zone.zoneName() + "'");
		}
		return problems;
	}

}

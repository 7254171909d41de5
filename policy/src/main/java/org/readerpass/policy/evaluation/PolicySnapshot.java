package org.readerpass.policy.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.resource.Resource;
import org.readerpass.policy.resource.ResourceRegistry;

/**
 * Everything the evaluator needs, frozen: the network plan, the resources and the grants,
 * indexed by resource and then by subject. Immutable and safe to share between threads; when
 * grants change, build a new snapshot ({@link #withGrants}) and swap the reference (e.g. an
 * {@code AtomicReference} or a {@code volatile} field): evaluations in flight finish on the
 * snapshot they started with.
 */
public final class PolicySnapshot {

	private final NetworkPlan plan;

	private final ResourceRegistry resources;

	private final Ancestry ancestry;

	private final Map<String, Grant> grants;

	private final Map<String, ResourceGrants> byResource;

	private PolicySnapshot(NetworkPlan plan, ResourceRegistry resources, Ancestry ancestry, Map<String, Grant> grants,
			Map<String, ResourceGrants> byResource) {
		this.plan = plan;
		this.resources = resources;
		this.ancestry = ancestry;
		this.grants = grants;
		this.byResource = byResource;
	}

	/**
	 * Builds a snapshot, reporting every problem at once (duplicate grant ids, unknown
	 * resources, actions, libraries or zones) in an {@link IllegalArgumentException}.
	 */
	public static PolicySnapshot of(NetworkPlan plan, ResourceRegistry resources, Collection<Grant> grants) {
		return build(plan, resources, new Ancestry(plan.tree()), grants);
	}

	/** A snapshot with no grants: nobody may do anything yet. */
	public static PolicySnapshot empty(NetworkPlan plan, ResourceRegistry resources) {
		return of(plan, resources, List.of());
	}

	/** The same plan and resources with another set of grants. */
	public PolicySnapshot withGrants(Collection<Grant> grants) {
		return build(this.plan, this.resources, this.ancestry, grants);
	}

	private static PolicySnapshot build(NetworkPlan plan, ResourceRegistry resources, Ancestry ancestry,
			Collection<Grant> grants) {
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(resources, "resources");
		Map<String, Grant> byId = new LinkedHashMap<>();
		Map<String, List<Grant>> perResource = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (Grant grant : grants) {
			if (byId.putIfAbsent(grant.id(), grant) != null) {
				problems.add("grant '" + grant.id() + "' is defined twice");
				continue;
			}
			List<String> own = GrantChecks.problems(grant, plan, resources);
			problems.addAll(own);
			if (own.isEmpty()) {
				perResource.computeIfAbsent(grant.resourceCode(), code -> new ArrayList<>()).add(grant);
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(problems.size() + " problem(s): " + String.join("; ", problems));
		}
		Map<String, ResourceGrants> byResource = new HashMap<>();
		perResource.forEach((code, list) -> byResource.put(code,
				ResourceGrants.build(resources.find(code).orElseThrow(), list)));
		return new PolicySnapshot(plan, resources, ancestry, Collections.unmodifiableMap(byId),
				Map.copyOf(byResource));
	}

	/**
	 * What would be wrong with this grant in this snapshot (unknown resource, action, library
	 * or zone): for the admin API to refuse it before saving. Does not check id uniqueness.
	 */
	public List<String> problems(Grant grant) {
		return GrantChecks.problems(grant, this.plan, this.resources);
	}

	/**
	 * Decides what the reader may do with the resource. Looks up only the grants of this
	 * resource whose subject keys the reader has; the cost does not depend on the number of
	 * grants for other resources or other readers. The resource is taken by code: the decision
	 * carries this snapshot's version of it.
	 */
	public Decision evaluate(ReaderContext reader, Resource resource) {
		ResourceGrants grants = this.byResource.get(resource.code());
		if (grants == null) {
			return Decision.none(this.resources.find(resource.code()).orElse(resource));
		}
		Evaluation evaluation = new Evaluation(reader, this.plan);
		grants.collect(reader, this.ancestry, evaluation);
		return evaluation.decision(grants.resource);
	}

	public NetworkPlan plan() {
		return this.plan;
	}

	public ResourceRegistry resources() {
		return this.resources;
	}

	/** Every grant, in the order given. */
	public Collection<Grant> grants() {
		return this.grants.values();
	}

	public Optional<Grant> findGrant(String id) {
		return Optional.ofNullable(this.grants.get(id));
	}

	/** The grants of one resource. */
	public List<Grant> grantsFor(String resourceCode) {
		ResourceGrants grants = this.byResource.get(resourceCode);
		return (grants != null) ? grants.grants : List.of();
	}

}

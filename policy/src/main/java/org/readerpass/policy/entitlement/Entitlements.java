package org.readerpass.policy.entitlement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.readerpass.policy.evaluation.Decision;
import org.readerpass.policy.resource.Resource;

/**
 * Turns a decision into the values of the access token's {@code entitlements} claim:
 * {@code urn:readerpass:<network>:res:<resource>:<action>} for each allowed action (in the
 * resource's order), then the federation values of the resource's rules when any action is
 * allowed. Immutable.
 */
public final class Entitlements {

	private static final Pattern NETWORK = Pattern.compile("[a-z][a-z0-9-]{0,62}");

	private final String networkId;

	private final Map<String, List<String>> federationValues;

	private Entitlements(String networkId, Map<String, List<String>> federationValues) {
		this.networkId = networkId;
		this.federationValues = federationValues;
	}

	/**
	 * @param networkId the network id ({@code readerpass.network.id}), e.g. {@code zj}
	 * @param rules federation rules; a value given twice for a resource counts once
	 */
	public static Entitlements of(String networkId, List<FederationRule> rules) {
		if (networkId == null || !NETWORK.matcher(networkId).matches()) {
			throw new IllegalArgumentException(
					"network id '" + networkId + "' must be lower-case letters, digits and '-'");
		}
		Map<String, Set<String>> values = new HashMap<>();
		for (FederationRule rule : rules) {
			values.computeIfAbsent(rule.resourceCode(), code -> new LinkedHashSet<>()).add(rule.value());
		}
		Map<String, List<String>> frozen = new HashMap<>();
		values.forEach((code, set) -> frozen.put(code, List.copyOf(set)));
		return new Entitlements(networkId, Map.copyOf(frozen));
	}

	public String networkId() {
		return this.networkId;
	}

	/** {@code urn:readerpass:<network>:res:<resource>:<action>}, both ids validated. */
	public String urn(String resourceCode, String action) {
		if (!Resource.isValidCode(resourceCode)) {
			throw new IllegalArgumentException("malformed resource code '" + resourceCode + "'");
		}
		if (!Resource.isValidAction(action)) {
			throw new IllegalArgumentException("malformed action '" + action + "'");
		}
		return "urn:readerpass:" + this.networkId + ":res:" + resourceCode + ":" + action;
	}

	/** The claim values for the decision's resource; empty when nothing is allowed. */
	public List<String> values(Decision decision) {
		Objects.requireNonNull(decision, "decision");
		if (!decision.allowsAny()) {
			return List.of();
		}
		String code = decision.resource().code();
		List<String> values = new ArrayList<>();
		for (String action : decision.allowedActions()) {
			values.add(urn(code, action));
		}
		values.addAll(this.federationValues.getOrDefault(code, List.of()));
		return List.copyOf(values);
	}

	/** The federation values configured for a resource. */
	public List<String> federationValues(String resourceCode) {
		return this.federationValues.getOrDefault(resourceCode, List.of());
	}

}

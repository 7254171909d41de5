package org.readerpass.authserver.policy;

import java.util.ArrayList;
import java.util.List;

import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.grant.PolicyAdministration;
import org.readerpass.adminui.grant.PolicyStore;
import org.readerpass.adminui.livepolicy.LivePolicy;
import org.readerpass.adminui.livepolicy.LocalPolicyChanges;
import org.readerpass.adminui.livepolicy.PolicyChanges;
import org.readerpass.adminui.livepolicy.RedisPolicyChanges;
import org.readerpass.adminui.problem.InvalidRequestException;
import org.readerpass.authserver.network.NetworkProperties;
import org.readerpass.authserver.resource.ResourceAccess;
import org.readerpass.policy.entitlement.Entitlements;
import org.readerpass.policy.entitlement.FederationRule;
import org.readerpass.policy.network.LibraryTree;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.network.NetworkZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The entitlement policy as the token endpoint uses it: the network plan (libraries and zones),
 * the live policy snapshot of the admin module, how policy changes reach every node, entitlement
 * URNs for this network, and the seed that fills an empty store at first start.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

	@Bean
	NetworkPlan networkPlan(LibraryTree tree, NetworkProperties network) {
		return NetworkPlan.of(tree,
				network.zones().stream().map(zone -> new NetworkZone(zone.name(), zone.ipRanges())).toList());
	}

	@Bean
	Entitlements entitlements(NetworkProperties network, PolicyProperties policy) {
		return Entitlements.of(network.id(), policy.federation()
			.stream()
			.map(entry -> new FederationRule(entry.resource(), entry.value()))
			.toList());
	}

	/** Policy changes reach every node through Redis pub/sub ({@code readerpass.policy.changes=redis}). */
	@Bean
	@ConditionalOnProperty(name = "readerpass.policy.changes", havingValue = "redis")
	PolicyChanges redisPolicyChanges(RedisConnectionFactory connections,
			@Value("${readerpass.redis.key-prefix:readerpass:}") String keyPrefix) {
		return new RedisPolicyChanges(connections, keyPrefix + "policy-changes");
	}

	/** Policy changes stay in this JVM (one node, the embedded default). */
	@Bean
	@ConditionalOnProperty(name = "readerpass.policy.changes", havingValue = "local", matchIfMissing = true)
	PolicyChanges localPolicyChanges() {
		return new LocalPolicyChanges();
	}

	@Bean
	ResourceAccess resourceAccess(LivePolicy policy, Entitlements entitlements) {
		return new ResourceAccess(policy, entitlements);
	}

	/**
	 * Fills an empty policy store from {@code readerpass.policy.seed} (the demo's resources and
	 * grants), through the same checks as the admin API. A bad seed stops the start, naming every
	 * problem.
	 */
	@Bean
	ApplicationRunner policySeed(PolicyProperties properties, PolicyStore store, PolicyAdministration administration,
			ResourceLoader resources) {
		return args -> {
			if (properties.seed() == null || properties.seed().isBlank() || !store.resources().isEmpty()) {
				return;
			}
			PolicySeed seed = PolicySeed.load(resources.getResource(properties.seed()));
			Actor actor = Actor.system("seed");
			List<String> problems = new ArrayList<>();
			for (int i = 0; i < seed.resources().size(); i++) {
				try {
					administration.createResource(seed.resources().get(i), actor);
				}
				catch (InvalidRequestException ex) {
					problems.add("resources[" + i + "]: " + ex.problems());
				}
			}
			for (int i = 0; i < seed.grants().size(); i++) {
				try {
					administration.createGrant(seed.grants().get(i), actor);
				}
				catch (InvalidRequestException ex) {
					problems.add("grants[" + i + "]: " + ex.problems());
				}
			}
			if (!problems.isEmpty()) {
				throw new IllegalStateException("Invalid policy seed " + properties.seed() + ": " + String.join("; ", problems));
			}
			log.info("Seeded the policy store from {} resources={} grants={}", properties.seed(),
					seed.resources().size(), seed.grants().size());
		};
	}

}

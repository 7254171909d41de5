package org.readerpass.authserver.resource;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.readerpass.policy.entitlement.Entitlements;
import org.readerpass.policy.evaluation.PolicySnapshot;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.resource.Resource;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Which resource server a client may ask a token for (RFC 8707), and the entitlements a reader
 * has there, from the current policy snapshot.
 */
public final class ResourceAccess {

	/** Client setting: the codes of the resources a client may request tokens for. */
	public static final String CLIENT_RESOURCES_SETTING = "readerpass.resources";

	private final Supplier<PolicySnapshot> policy;

	private final Entitlements entitlements;

	public ResourceAccess(Supplier<PolicySnapshot> policy, Entitlements entitlements) {
		this.policy = policy;
		this.entitlements = entitlements;
	}

	/**
	 * The registered resource behind an RFC 8707 {@code resource} value, if this client may ask
	 * for it; otherwise {@code invalid_target} (unknown and not permitted look the same).
	 */
	public Resource resolve(RegisteredClient client, URI audience) {
		Resource resource = this.policy.get().resources().findByAudience(audience).orElse(null);
		if (resource == null || !allowedCodes(client).contains(resource.code())) {
			throw ResourceIndicators.invalidTarget("The resource is unknown or not available to this client");
		}
		return resource;
	}

	/** The reader's entitlement values for this one resource (URNs, then federation values). */
	public List<String> entitlements(ReaderContext reader, Resource resource) {
		return this.entitlements.values(this.policy.get().evaluate(reader, resource));
	}

	@SuppressWarnings("unchecked")
	private static Set<String> allowedCodes(RegisteredClient client) {
		Object codes = client.getClientSettings().getSetting(CLIENT_RESOURCES_SETTING);
		return (codes instanceof Set<?> set) ? (Set<String>) set : Set.of();
	}

}

package org.readerpass.authserver.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.readerpass.authserver.client.ClientProperties.ClientType;
import org.readerpass.authserver.client.ClientProperties.Registration;
import org.readerpass.authserver.keys.SigningKeys;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/** The shape a registration must have for its type; every problem named with its key. */
final class ClientRules {

	private ClientRules() {
	}

	static List<String> check(String key, Registration registration) {
		List<String> problems = new ArrayList<>();
		ClientType type = registration.type();
		String kind = type.name().toLowerCase();
		boolean hasSecret = registration.secretHash() != null && !registration.secretHash().isBlank();
		boolean isPublic = type == ClientType.NATIVE || type == ClientType.DEVICE;
		if (isPublic && hasSecret) {
			problems.add(key + ".secret-hash: a " + kind + " (public) client has no secret");
		}
		if (!isPublic) {
			if (!hasSecret) {
				problems.add(key + ".secret-hash: required for a " + kind + " client");
			}
			else if (!ClientSecretHasher.isHashed(registration.secretHash())) {
				problems.add(key + ".secret-hash: must be the {sha256} hash of the secret, never the secret itself "
						+ "(docs/configuration.md shows how to make one)");
			}
		}
		String idTokenAlgorithm = registration.idTokenSignedResponseAlg();
		if (idTokenAlgorithm != null && idTokenAlgorithm(registration) == null) {
			problems.add(key + ".id-token-signed-response-alg: '" + idTokenAlgorithm + "' is not one the server signs "
					+ "with; use RS256 (the default) or ES256");
		}
		if (idTokenAlgorithm != null && (type == ClientType.SERVICE || type == ClientType.DEVICE)) {
			problems.add(key + ".id-token-signed-response-alg: a " + kind + " client gets no ID token");
		}
		if (type == ClientType.SERVICE || type == ClientType.DEVICE) {
			if (!registration.redirectUris().isEmpty()) {
				problems.add(key + ".redirect-uris: a " + kind + " client has no redirect URI");
			}
			if (registration.scopes().contains("openid")) {
				problems.add(key + ".scopes: " + ((type == ClientType.SERVICE)
						? "a service client acts for no reader, so it cannot ask for openid"
						: "the device grant issues no ID token, so a device client cannot ask for openid"));
			}
		}
		else {
			if (registration.redirectUris().isEmpty()) {
				problems.add(key + ".redirect-uris: at least one is required");
			}
			registration.redirectUris().forEach(uri -> checkUri(problems, key + ".redirect-uris", uri));
		}
		registration.postLogoutRedirectUris()
			.forEach(uri -> checkUri(problems, key + ".post-logout-redirect-uris", uri));
		if (type == ClientType.SERVICE && !registration.postLogoutRedirectUris().isEmpty()) {
			problems.add(key + ".post-logout-redirect-uris: a service client signs no reader in, so none logs out");
		}
		URI backchannel = registration.backchannelLogoutUri();
		if (backchannel != null) {
			if (type == ClientType.SERVICE) {
				problems.add(key + ".backchannel-logout-uri: a service client signs no reader in, so none logs out");
			}
			else if (!backchannel.isAbsolute() || !"https".equals(backchannel.getScheme())
					&& !("http".equals(backchannel.getScheme()) && isLoopback(backchannel.getHost()))) {
				problems.add(key + ".backchannel-logout-uri: '" + backchannel
						+ "' must be an absolute https URI (plain http only on a loopback host)");
			}
			else if (backchannel.getFragment() != null) {
				problems.add(key + ".backchannel-logout-uri: '" + backchannel + "' must not have a fragment");
			}
		}
		if (registration.party() == ClientProperties.ClientParty.THIRD_PARTY) {
			if (registration.operator() == null || registration.operator().isBlank()) {
				problems.add(key + ".operator: required for a third-party app: the consent page names who receives "
						+ "the reader's data");
			}
			if (type == ClientType.SERVICE) {
				problems.add(key + ".party: a service client acts for no reader, so no reader consents to it");
			}
			if (type == ClientType.DEVICE) {
				problems.add(key + ".party: the TV box confirmation page asks for no consent yet, so a device "
						+ "client must be first-party");
			}
		}
		return problems;
	}

	private static void checkUri(List<String> problems, String key, URI uri) {
		if (!uri.isAbsolute() || uri.getFragment() != null) {
			problems.add(key + ": '" + uri + "' must be absolute and without a fragment");
		}
		else if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
			problems.add(key + ": '" + uri + "' uses plain http on a non-loopback host");
		}
	}

	/**
	 * A token must never outlive the keys that verify it: the client's {@code access-token-ttl} is
	 * at most the longest lifetime the key rotation keeps verifiable.
	 * @param longestTokenLifetime {@code readerpass.keys.rotation.retain-after} less its margin
	 */
	static List<String> checkTokenLifetime(String key, Registration registration, Duration longestTokenLifetime) {
		if (registration.accessTokenTtl() != null && registration.accessTokenTtl().compareTo(longestTokenLifetime) > 0) {
			return List.of(key + ".access-token-ttl: " + registration.accessTokenTtl() + " is longer than "
					+ "readerpass.keys.rotation.retain-after less 5 minutes (" + longestTokenLifetime + "): a rotated key "
					+ "would leave the JWKS while its tokens are valid; shorten the TTL or lengthen retain-after");
		}
		return List.of();
	}

	/** The client's ID token algorithm: what it registered, else RS256; {@code null} when it registered an unknown one. */
	static SignatureAlgorithm idTokenAlgorithm(Registration registration) {
		String registered = registration.idTokenSignedResponseAlg();
		if (registered == null) {
			return SigningKeys.DEFAULT_ID_TOKEN_ALGORITHM;
		}
		return SigningKeys.ID_TOKEN_ALGORITHMS.stream()
			.filter(algorithm -> algorithm.getName().equals(registered))
			.findFirst()
			.orElse(null);
	}

	private static boolean isLoopback(String host) {
		return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
	}

}

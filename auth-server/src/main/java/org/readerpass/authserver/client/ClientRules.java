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
		boolean hasSecret = registration.secretHash() != null && !registration.secretHash().isBlank();
		if (type == ClientType.NATIVE && hasSecret) {
			problems.add(key + ".secret-hash: a native (public) client has no secret");
		}
		if (type != ClientType.NATIVE) {
			if (!hasSecret) {
				problems.add(key + ".secret-hash: required for a " + type.name().toLowerCase() + " client");
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
		if (idTokenAlgorithm != null && type == ClientType.SERVICE) {
			problems.add(key + ".id-token-signed-response-alg: a service client gets no ID token");
		}
		if (type == ClientType.SERVICE) {
			if (!registration.redirectUris().isEmpty()) {
				problems.add(key + ".redirect-uris: a service client has no redirect URI");
			}
			if (registration.scopes().contains("openid")) {
				problems.add(key + ".scopes: a service client acts for no reader, so it cannot ask for openid");
			}
		}
		else {
			if (registration.redirectUris().isEmpty()) {
				problems.add(key + ".redirect-uris: at least one is required");
			}
			for (URI uri : registration.redirectUris()) {
				if (!uri.isAbsolute() || uri.getFragment() != null) {
					problems.add(key + ".redirect-uris: '" + uri + "' must be absolute and without a fragment");
				}
				else if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
					problems.add(key + ".redirect-uris: '" + uri + "' uses plain http on a non-loopback host");
				}
			}
		}
		return problems;
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

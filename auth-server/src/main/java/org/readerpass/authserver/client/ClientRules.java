package org.readerpass.authserver.client;

import java.net.URI;
import java.time.Duration;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.readerpass.authserver.client.ClientProperties.AuthMethod;
import org.readerpass.authserver.client.ClientProperties.ClientType;
import org.readerpass.authserver.client.ClientProperties.Registration;
import org.readerpass.authserver.client.ClientProperties.SubjectType;
import org.readerpass.authserver.keys.SigningKeys;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/** The shape a registration must have for its type; every problem named with its key. */
final class ClientRules {

	private ClientRules() {
	}

	/** A DNS host name (or IPv4 address): labels of letters, digits and inner hyphens. */
	private static final Pattern HOST_NAME = Pattern
		.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*", Pattern.CASE_INSENSITIVE);

	/** The admin API's scope: it knows admin readers by their public {@code sub}. */
	private static final String ADMIN_SCOPE = "readerpass.admin";

	/** RSA keys shorter than this are refused (RFC 7518 §3.3 requires 2048 bits for RS256 and PS256). */
	private static final int MIN_RSA_BITS = 2048;

	/**
	 * Every problem of one registration.
	 * @param key the registration's key in error messages
	 * @param registration the registration
	 * @param allowLoopbackJwksUri whether a {@code jwks-uri} may be plain {@code http} on loopback
	 */
	static List<String> check(String key, Registration registration, boolean allowLoopbackJwksUri) {
		List<String> problems = new ArrayList<>();
		ClientType type = registration.type();
		String kind = type.name().toLowerCase();
		boolean hasSecret = registration.secretHash() != null && !registration.secretHash().isBlank();
		boolean isPublic = type == ClientType.NATIVE || type == ClientType.DEVICE;
		boolean privateKeyJwt = registration.tokenEndpointAuthMethod() == AuthMethod.PRIVATE_KEY_JWT;
		if (isPublic && hasSecret) {
			problems.add(key + ".secret-hash: a " + kind + " (public) client has no secret");
		}
		if (isPublic && registration.tokenEndpointAuthMethod() != null) {
			problems.add(key + ".token-endpoint-auth-method: a " + kind + " (public) client authenticates with none "
					+ "(and PKCE or its device code); leave it unset");
		}
		if (privateKeyJwt) {
			if (hasSecret) {
				problems.add(key + ".secret-hash: a private_key_jwt client has no secret");
			}
			problems.addAll(checkKeys(key, registration, allowLoopbackJwksUri));
		}
		else if (registration.jwks() != null || registration.jwksUri() != null) {
			problems.add(key + ".jwks, jwks-uri: only for token-endpoint-auth-method private_key_jwt");
		}
		if (!isPublic && !privateKeyJwt) {
			if (!hasSecret) {
				problems.add(key + ".secret-hash: required for a " + kind + " client");
			}
			else if (!ClientSecretHasher.isHashed(registration.secretHash())) {
				problems.add(key + ".secret-hash: must be the {sha256} hash of the secret, never the secret itself "
						+ "(docs/configuration.md shows how to make one)");
			}
		}
		problems.addAll(checkSubject(key, registration));
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

	/**
	 * The sector of a pairwise client (OIDC Core §8.1), lower case: its {@code sector-identifier},
	 * else the one host of its redirect URIs; {@code null} for a public client or when there is no
	 * such host (a problem {@link #check} reports).
	 */
	static String sector(Registration registration) {
		if (registration.subjectType() != SubjectType.PAIRWISE) {
			return null;
		}
		if (registration.sectorIdentifier() != null) {
			return registration.sectorIdentifier().toLowerCase(Locale.ROOT);
		}
		Set<String> hosts = redirectHosts(registration);
		return (hosts.size() == 1 && !hosts.contains("")) ? hosts.iterator().next() : null;
	}

	/** Pairwise subjects: a sector that can be told, for a client that signs readers in. */
	private static List<String> checkSubject(String key, Registration registration) {
		List<String> problems = new ArrayList<>();
		String sectorIdentifier = registration.sectorIdentifier();
		if (registration.subjectType() != SubjectType.PAIRWISE) {
			if (sectorIdentifier != null) {
				problems.add(key + ".sector-identifier: only for subject-type pairwise");
			}
			return problems;
		}
		if (registration.type() == ClientType.SERVICE) {
			problems.add(key + ".subject-type: a service client acts for no reader; pairwise is for apps readers sign "
					+ "in to");
		}
		if (registration.scopes().contains(ADMIN_SCOPE)) {
			problems.add(key + ".subject-type: the admin API knows admin readers by their public sub; a client with "
					+ "scope " + ADMIN_SCOPE + " must be public");
		}
		if (sectorIdentifier != null) {
			if (!HOST_NAME.matcher(sectorIdentifier).matches()) {
				problems.add(key + ".sector-identifier: '" + sectorIdentifier
						+ "' must be a host name such as vendor.example (no scheme, port or path)");
			}
		}
		else if (registration.type() != ClientType.SERVICE && sector(registration) == null) {
			Set<String> hosts = redirectHosts(registration);
			hosts.remove("");
			problems.add(key + ".sector-identifier: required, as the redirect URIs are not all on one host "
					+ hosts + " (a private-use scheme has none)");
		}
		return problems;
	}

	/** The hosts of a client's redirect URIs, lower case; {@code ""} for a URI without one. */
	private static Set<String> redirectHosts(Registration registration) {
		Set<String> hosts = new TreeSet<>();
		for (URI uri : registration.redirectUris()) {
			hosts.add((uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "");
		}
		return hosts;
	}

	/** A private_key_jwt client's public keys: exactly one of jwks and jwks-uri, each well-formed. */
	private static List<String> checkKeys(String key, Registration registration, boolean allowLoopbackJwksUri) {
		List<String> problems = new ArrayList<>();
		if ((registration.jwks() == null) == (registration.jwksUri() == null)) {
			problems.add(key + ".jwks, jwks-uri: a private_key_jwt client needs exactly one of them");
		}
		if (registration.jwks() != null) {
			problems.addAll(checkJwks(key + ".jwks", registration.jwks()));
		}
		URI uri = registration.jwksUri();
		if (uri != null) {
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawFragment() != null
					|| uri.getRawUserInfo() != null) {
				problems.add(key + ".jwks-uri: '" + uri + "' must be an absolute URL with a host, without user info "
						+ "or fragment");
			}
			else if (scheme.equals("http") && isLoopback(uri.getHost())) {
				if (!allowLoopbackJwksUri) {
					problems.add(key + ".jwks-uri: '" + uri + "' is plain http; on a loopback host only with "
							+ "readerpass.clients.allow-loopback-jwks-uri=true");
				}
			}
			else if (!scheme.equals("https")) {
				problems.add(key + ".jwks-uri: '" + uri + "' must be https");
			}
		}
		return problems;
	}

	/** Inline keys: public RSA (2048 bits or more) or P-256 EC keys for signing, distinct key ids. */
	private static List<String> checkJwks(String key, ClientProperties.Jwks jwks) {
		JWKSet set;
		try {
			set = jwks.toJwkSet();
		}
		catch (ParseException ex) {
			return List.of(key + ": not a JWKS of well-formed keys (" + ex.getMessage() + ")");
		}
		if (set.getKeys().isEmpty()) {
			return List.of(key + ": no key");
		}
		List<String> problems = new ArrayList<>();
		Set<String> keyIds = new HashSet<>();
		for (int i = 0; i < set.getKeys().size(); i++) {
			JWK jwk = set.getKeys().get(i);
			String name = key + ".keys[" + i + "]" + ((jwk.getKeyID() != null) ? " (" + jwk.getKeyID() + ")" : "");
			if (jwk.isPrivate()) {
				problems.add(name + ": holds a private key; give the public key only");
			}
			if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
				problems.add(name + ": use must be sig");
			}
			if (jwk instanceof RSAKey rsa) {
				if (rsa.size() < MIN_RSA_BITS) {
					problems.add(name + ": an RSA key needs at least " + MIN_RSA_BITS + " bits");
				}
			}
			else if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
				problems.add(name + ": only RSA (RS256, PS256) and P-256 EC (ES256) keys verify assertions");
			}
			if (jwk.getKeyID() != null && !keyIds.add(jwk.getKeyID())) {
				problems.add(name + ": kid used twice");
			}
		}
		return problems;
	}

	private static boolean isLoopback(String host) {
		return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
	}

}

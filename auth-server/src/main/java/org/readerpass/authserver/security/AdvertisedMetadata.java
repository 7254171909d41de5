package org.readerpass.authserver.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.readerpass.authserver.client.ClientAssertionDecoders;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * What discovery (OIDC Discovery §3 and RFC 8414 §2 alike: both documents' claims) advertises
 * beyond the stock document: exactly the grants and client authentication methods a client can use
 * here — nothing the stock server lists but ReaderPass does not serve (token exchange,
 * {@code client_secret_jwt}, mTLS, DPoP) — the algorithms {@code private_key_jwt} assertions may be
 * signed with, and both subject types.
 */
final class AdvertisedMetadata {

	/** The grants the token endpoint serves; every other one is {@code unsupported_grant_type}. */
	static final List<String> GRANT_TYPES = List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
			AuthorizationGrantType.CLIENT_CREDENTIALS.getValue(), AuthorizationGrantType.REFRESH_TOKEN.getValue(),
			AuthorizationGrantType.DEVICE_CODE.getValue());

	/** How a confidential client authenticates, at the token, introspection and revocation endpoints. */
	private static final List<String> CONFIDENTIAL = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
			ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue(), ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue());

	/** Public clients (PKCE, TV boxes) add "none": at the token endpoint, and to revoke their tokens. */
	private static final List<String> TOKEN_ENDPOINT = Stream
		.concat(CONFIDENTIAL.stream(), Stream.of(ClientAuthenticationMethod.NONE.getValue()))
		.toList();

	private static final List<String> ASSERTION_ALGORITHMS = ClientAssertionDecoders.ALGORITHMS.stream()
		.map(SignatureAlgorithm::getName)
		.toList();

	private AdvertisedMetadata() {
	}

	/** Rewrites a metadata document's claims (OIDC provider configuration or RFC 8414 metadata). */
	static void apply(Map<String, Object> metadata) {
		// public clients (PKCE, TV boxes) authenticate with "none" at the token endpoint, and revoke
		// their own tokens so too; only confidential clients introspect
		metadata.put("token_endpoint_auth_methods_supported", TOKEN_ENDPOINT);
		metadata.put("revocation_endpoint_auth_methods_supported", TOKEN_ENDPOINT);
		metadata.put("introspection_endpoint_auth_methods_supported", CONFIDENTIAL);
		// RFC 8414 §2 and OIDC Discovery §3: required once private_key_jwt is listed
		metadata.put("token_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGORITHMS);
		metadata.put("revocation_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGORITHMS);
		metadata.put("introspection_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGORITHMS);
		metadata.put("grant_types_supported", GRANT_TYPES);
		// OIDC Core §8: each client is registered public or pairwise
		metadata.put("subject_types_supported", List.of("public", "pairwise"));
		metadata.remove("tls_client_certificate_bound_access_tokens");
		// OIDC Back-Channel Logout 1.0 §2.1: logout tokens carry sid
		if (metadata.containsKey("end_session_endpoint")) {
			metadata.put("backchannel_logout_supported", true);
			metadata.put("backchannel_logout_session_supported", true);
		}
		metadata.remove("dpop_signing_alg_values_supported");
	}

}

package org.readerpass.authserver.security;

import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * What discovery (OIDC Discovery §3 and RFC 8414 §2 alike: both documents' claims) advertises
 * beyond the stock document: exactly the grants and client authentication methods a client can use
 * here — nothing the stock server lists but ReaderPass does not serve (token exchange, JWT client
 * authentication, mTLS, DPoP).
 */
final class AdvertisedMetadata {

	/** The grants the token endpoint serves; every other one is {@code unsupported_grant_type}. */
	static final List<String> GRANT_TYPES = List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
			AuthorizationGrantType.CLIENT_CREDENTIALS.getValue(), AuthorizationGrantType.REFRESH_TOKEN.getValue(),
			AuthorizationGrantType.DEVICE_CODE.getValue());

	private static final List<String> CLIENT_SECRET = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
			ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue());

	private AdvertisedMetadata() {
	}

	/** Rewrites a metadata document's claims (OIDC provider configuration or RFC 8414 metadata). */
	static void apply(Map<String, Object> metadata) {
		// public clients (PKCE, TV boxes) authenticate with "none" at the token endpoint only
		metadata.put("token_endpoint_auth_methods_supported",
				List.of(CLIENT_SECRET.get(0), CLIENT_SECRET.get(1), ClientAuthenticationMethod.NONE.getValue()));
		metadata.put("revocation_endpoint_auth_methods_supported", CLIENT_SECRET);
		metadata.put("introspection_endpoint_auth_methods_supported", CLIENT_SECRET);
		metadata.put("grant_types_supported", GRANT_TYPES);
		metadata.remove("tls_client_certificate_bound_access_tokens");
		// OIDC Back-Channel Logout 1.0 §2.1: logout tokens carry sid
		if (metadata.containsKey("end_session_endpoint")) {
			metadata.put("backchannel_logout_supported", true);
			metadata.put("backchannel_logout_session_supported", true);
		}
		metadata.remove("dpop_signing_alg_values_supported");
	}

}

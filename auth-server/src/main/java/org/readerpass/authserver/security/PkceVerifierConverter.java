package org.readerpass.authserver.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The first client-authentication step of a token request, so that a bad PKCE verifier is a bad
 * request (400 {@code invalid_request}) and never a bad client (401) or a good one: a
 * {@code code_verifier} outside RFC 7636 §4.1 (43–128 unreserved characters) is refused before any
 * hash is compared, and a public client's code redeemed without one is refused as a request that
 * lacks a required parameter (RFC 6749 §5.2). It authenticates nobody: otherwise the stock
 * converters go on.
 */
final class PkceVerifierConverter implements AuthenticationConverter {

	private final RegisteredClientRepository clients;

	PkceVerifierConverter(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		String[] verifiers = request.getParameterValues(Pkce.CODE_VERIFIER);
		if (verifiers != null) {
			if (verifiers.length != 1) {
				throw Pkce.invalidRequest("code_verifier must be sent once");
			}
			if (!Pkce.isVerifier(verifiers[0])) {
				throw Pkce.invalidRequest("code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
			}
			return null;
		}
		if (AuthorizationGrantType.AUTHORIZATION_CODE.getValue()
			.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)) && isPublicClient(request)) {
			throw Pkce.invalidRequest("code_verifier is required");
		}
		return null;
	}

	/** A request naming a registered public client and carrying no client credentials. */
	private boolean isPublicClient(HttpServletRequest request) {
		String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
		if (clientId == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
			return false;
		}
		RegisteredClient client = this.clients.findByClientId(clientId);
		return client != null && client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
	}

}

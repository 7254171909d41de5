package org.readerpass.authserver.security;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The scopes an authorization request asks for, as stock clients send them: values the client is
 * not registered for ({@code email}, {@code offline_access}, anything unknown) are ignored, as
 * OIDC Core §3.1.2.1 recommends, and a request without {@code scope} asks for the client's
 * registered scopes (RFC 6749 §3.3). The token response's {@code scope} then says what was
 * granted. A request for an unknown client is left as it is (the endpoint refuses it).
 */
final class RequestedScopes implements AuthenticationConverter {

	private final AuthenticationConverter delegate;

	private final RegisteredClientRepository clients;

	RequestedScopes(AuthenticationConverter delegate, RegisteredClientRepository clients) {
		this.delegate = delegate;
		this.clients = clients;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		Authentication converted = this.delegate.convert(request);
		if (!(converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest)) {
			return converted;
		}
		RegisteredClient client = this.clients.findByClientId(authorizationRequest.getClientId());
		if (client == null) {
			return converted;
		}
		Set<String> scopes = granted(authorizationRequest.getScopes(), client.getScopes());
		if (scopes.equals(authorizationRequest.getScopes())) {
			return converted;
		}
		return new OAuth2AuthorizationCodeRequestAuthenticationToken(authorizationRequest.getAuthorizationUri(),
				authorizationRequest.getClientId(), (Authentication) authorizationRequest.getPrincipal(),
				authorizationRequest.getRedirectUri(), authorizationRequest.getState(), scopes,
				authorizationRequest.getAdditionalParameters());
	}

	/** The requested scopes the client is registered for, in the request's order; all of them when none were asked. */
	static Set<String> granted(Set<String> requested, Set<String> registered) {
		if (requested.isEmpty()) {
			return new LinkedHashSet<>(registered);
		}
		Set<String> granted = new LinkedHashSet<>(requested);
		granted.retainAll(registered);
		return granted;
	}

}

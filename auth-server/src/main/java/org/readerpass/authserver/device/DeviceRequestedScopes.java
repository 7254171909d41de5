package org.readerpass.authserver.device;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A device authorization request without {@code scope} asks for the client's registered scopes
 * (RFC 6749 §3.3), as an authorization request does here; otherwise the stock converter's request
 * goes on as it is (a scope the client is not registered for, or {@code openid}, is
 * {@code invalid_scope}).
 */
final class DeviceRequestedScopes implements AuthenticationConverter {

	private final AuthenticationConverter delegate;

	DeviceRequestedScopes(AuthenticationConverter delegate) {
		this.delegate = delegate;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		Authentication converted = this.delegate.convert(request);
		if (converted instanceof OAuth2DeviceAuthorizationRequestAuthenticationToken deviceRequest
				&& deviceRequest.getScopes().isEmpty()
				&& deviceRequest.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			return new OAuth2DeviceAuthorizationRequestAuthenticationToken(client, deviceRequest.getAuthorizationUri(),
					client.getRegisteredClient().getScopes(), deviceRequest.getAdditionalParameters());
		}
		return converted;
	}

}

package org.readerpass.authserver.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * Introspection answers a client only about its own tokens: those issued to it ({@code client_id})
 * or meant for it ({@code aud}). Any other token is {@code active: false} with nothing more — the
 * caller learns neither the reader nor that the token exists (RFC 7662 §4).
 */
final class OwnTokensIntrospection implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	OwnTokensIntrospection(AuthenticationProvider delegate) {
		this.delegate = delegate;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Authentication result = this.delegate.authenticate(authentication);
		if (!(result instanceof OAuth2TokenIntrospectionAuthenticationToken introspection)
				|| !introspection.getTokenClaims().isActive()
				|| !(introspection.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller)
				|| caller.getRegisteredClient() == null) {
			return result;
		}
		String callerId = caller.getRegisteredClient().getClientId();
		OAuth2TokenIntrospection claims = introspection.getTokenClaims();
		List<String> audience = (claims.getAudience() != null) ? claims.getAudience() : List.of();
		if (callerId.equals(claims.getClientId()) || audience.contains(callerId)) {
			return result;
		}
		return new OAuth2TokenIntrospectionAuthenticationToken(introspection.getToken(), caller,
				OAuth2TokenIntrospection.builder().build());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}

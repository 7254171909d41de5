package org.readerpass.authserver.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * {@code private_key_jwt} client authentication: the stock provider (client lookup, PKCE of a
 * confidential client's code) with ReaderPass's assertion checks ({@code ClientAssertionDecoders}:
 * inline or fetched keys, allowed algorithms, {@code aud}, lifetime, single-use {@code jti}). The
 * stock provider names the method {@code client_secret_jwt} unless a client registered one signing
 * algorithm; ReaderPass registers none (any allowed one will do), and has no
 * {@code client_secret_jwt} clients, so an authenticated assertion is named {@code private_key_jwt}.
 */
final class PrivateKeyJwtAuthentication implements AuthenticationProvider {

	private final JwtClientAssertionAuthenticationProvider delegate;

	PrivateKeyJwtAuthentication(JwtClientAssertionAuthenticationProvider delegate,
			JwtDecoderFactory<RegisteredClient> decoders) {
		delegate.setJwtDecoderFactory(decoders);
		this.delegate = delegate;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Authentication result = this.delegate.authenticate(authentication);
		if (result instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null
				&& ClientAuthenticationMethod.CLIENT_SECRET_JWT.equals(client.getClientAuthenticationMethod())) {
			return new OAuth2ClientAuthenticationToken(client.getRegisteredClient(),
					ClientAuthenticationMethod.PRIVATE_KEY_JWT, client.getCredentials());
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}

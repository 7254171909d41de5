package org.readerpass.authserver.security;

import java.util.function.Consumer;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * Refuses a {@code redirect_uri} with a fragment, even an empty one (RFC 6749 §3.1.2: "MUST NOT
 * include a fragment component"), before anything else is checked: such a URI is not the registered
 * one, so the error is shown to the reader and nobody is redirected to it.
 */
final class RedirectUriFragmentValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		String redirectUri = request.getRedirectUri();
		if (redirectUri != null && redirectUri.indexOf('#') >= 0) {
			OAuth2Error error = InvalidRequest.error("OAuth 2.0 Parameter: " + OAuth2ParameterNames.REDIRECT_URI,
					"https://datatracker.ietf.org/doc/html/rfc6749#section-3.1.2");
			// no authorization request: the error handler shows a page instead of redirecting
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, null);
		}
	}

}

package org.readerpass.authserver.security;

import java.util.function.Consumer;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * A {@code state} longer than {@value #MAX_LENGTH} characters is refused on the error page, not
 * returned: sent back in the redirect it made a response header too large for the server (a 500
 * after the code had been issued). An app needs far less to find its request again.
 */
final class StateLengthValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	static final int MAX_LENGTH = 2048;

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		String state = request.getState();
		if (state != null && state.length() > MAX_LENGTH) {
			OAuth2Error error = InvalidRequest.error("OAuth 2.0 Parameter: " + OAuth2ParameterNames.STATE,
					"https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.1");
			// no authorization request: the error handler shows a page instead of redirecting
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, null);
		}
	}

}

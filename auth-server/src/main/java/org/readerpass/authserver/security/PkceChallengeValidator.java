package org.readerpass.authserver.security;

import java.util.function.Consumer;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * Refuses an authorization request whose S256 {@code code_challenge} cannot be one (RFC 7636
 * §4.2: exactly the 43-character BASE64URL of a SHA-256 digest), before a code is issued for it.
 * Runs after the redirect URI was validated, so {@code invalid_request} goes to the client with
 * its {@code state}.
 */
final class PkceChallengeValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		Object challenge = request.getAdditionalParameters().get(Pkce.CODE_CHALLENGE);
		if (challenge instanceof String value && !Pkce.isS256Challenge(value)) {
			OAuth2AuthenticationException invalid = Pkce.invalidRequest(
					"code_challenge must be the 43-character BASE64URL (no padding) of a SHA-256 digest");
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(invalid.getError(), request);
		}
	}

}

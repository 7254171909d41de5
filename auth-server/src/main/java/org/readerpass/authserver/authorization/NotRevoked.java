package org.readerpass.authserver.authorization;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses an access token on the revocation list ({@link AuthorizationStore#isAccessTokenRevoked}). */
public final class NotRevoked implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The token was revoked", null);

	private final AuthorizationStore store;

	public NotRevoked(AuthorizationStore store) {
		this.store = store;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String jti = token.getId();
		return (jti != null && this.store.isAccessTokenRevoked(jti)) ? OAuth2TokenValidatorResult.failure(REVOKED)
				: OAuth2TokenValidatorResult.success();
	}

}

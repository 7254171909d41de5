package org.readerpass.authserver.token;

import java.util.Date;

import org.readerpass.authserver.keys.SigningKeys;
import org.readerpass.authserver.login.ReaderAuthenticationToken;
import org.readerpass.authserver.login.ReaderPrincipal;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes every JWT the server signs: the configured algorithm and current key id in the header;
 * access tokens as RFC 9068 ({@code typ: at+jwt}, {@code client_id}, {@code auth_time}); ID
 * tokens with the reader claims their scopes release.
 */
public final class TokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SigningKeys signingKeys;

	private final ReaderClaims readerClaims;

	public TokenCustomizer(SigningKeys signingKeys, ReaderClaims readerClaims) {
		this.signingKeys = signingKeys;
		this.readerClaims = readerClaims;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().algorithm(this.signingKeys.algorithm()).keyId(this.signingKeys.currentKeyId());
		ReaderPrincipal reader = (context.getPrincipal() instanceof ReaderAuthenticationToken token)
				? token.getPrincipal() : null;
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getJwsHeader().type("at+jwt");
			context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
			if (reader != null) {
				context.getClaims().claim("auth_time", Date.from(reader.authTime()));
			}
		}
		else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue()) && reader != null) {
			context.getClaims().claim("auth_time", Date.from(reader.authTime()));
			this.readerClaims.forScopes(reader, context.getAuthorizedScopes())
				.forEach((name, value) -> context.getClaims().claim(name, value));
		}
	}

}

package org.readerpass.authserver.authorization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;

/**
 * Revocation (RFC 7009) that works for every token the server issued: a refresh token revokes its
 * whole authorization, every access token it issued included (§2.1); an access token of any grant
 * goes on the revocation list by {@code jti} until it expires, so it is refused at once by
 * introspection, userinfo and the admin API. A client revokes only its own tokens; another
 * client's token is refused with {@code invalid_client}, as the stock endpoint does; a token that
 * is unknown, expired or already revoked is answered 200 with nothing done (§2.2).
 */
public final class TokenRevocation implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(TokenRevocation.class);

	private final AuthorizationStore store;

	private final JwtDecoder accessTokens;

	public TokenRevocation(AuthorizationStore store, JwtDecoder accessTokens) {
		this.store = store;
		this.accessTokens = accessTokens;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		OAuth2TokenRevocationAuthenticationToken request = (OAuth2TokenRevocationAuthenticationToken) authentication;
		OAuth2ClientAuthenticationToken caller = TokenIntrospection.authenticatedClient(request.getPrincipal());
		String token = request.getToken();
		OAuth2Authorization authorization = this.store.findByToken(token, OAuth2TokenType.REFRESH_TOKEN);
		if (authorization != null) {
			if (!caller.getRegisteredClient().getId().equals(authorization.getRegisteredClientId())) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
			}
			OAuth2RefreshToken refreshToken = authorization.getRefreshToken().getToken();
			this.store.revokeAuthorization(authorization.getId());
			log.debug("Refresh token revoked with its authorization client={}", caller.getRegisteredClient().getClientId());
			return new OAuth2TokenRevocationAuthenticationToken(refreshToken, caller);
		}
		Jwt jwt;
		try {
			jwt = this.accessTokens.decode(token);
		}
		catch (JwtException ex) {
			return request; // unknown, expired, malformed or already revoked: nothing to do
		}
		if (!caller.getRegisteredClient().getClientId().equals(jwt.getClaimAsString("client_id"))) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}
		if (jwt.getId() == null || jwt.getExpiresAt() == null) {
			return request;
		}
		this.store.revokeAccessToken(jwt.getId(), jwt.getExpiresAt());
		log.debug("Access token revoked client={}", caller.getRegisteredClient().getClientId());
		return new OAuth2TokenRevocationAuthenticationToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
				token, jwt.getIssuedAt(), jwt.getExpiresAt()), caller);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2TokenRevocationAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

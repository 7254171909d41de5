package org.readerpass.authserver.authorization;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Introspection that tells the truth for every token the server issued (RFC 7662 §2.2): a refresh
 * token is active while its authorization lives and it is current; an access token of any grant
 * (client credentials included, which are never stored) is active when its signature, type,
 * issuer and expiry check out and it is not on the revocation list. Everything else is
 * {@code active: false} with nothing more.
 */
public final class TokenIntrospection implements AuthenticationProvider {

	private final AuthorizationStore store;

	private final JwtDecoder accessTokens;

	private final RegisteredClientRepository clients;

	/**
	 * @param accessTokens checks the server's own access tokens, revocation list included
	 */
	public TokenIntrospection(AuthorizationStore store, JwtDecoder accessTokens, RegisteredClientRepository clients) {
		this.store = store;
		this.accessTokens = accessTokens;
		this.clients = clients;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		OAuth2TokenIntrospectionAuthenticationToken request = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
		OAuth2ClientAuthenticationToken caller = authenticatedClient(request.getPrincipal());
		String token = request.getToken();
		OAuth2TokenIntrospection claims = refreshTokenClaims(token);
		if (claims == null) {
			claims = accessTokenClaims(token);
		}
		return new OAuth2TokenIntrospectionAuthenticationToken(token, caller,
				(claims != null) ? claims : OAuth2TokenIntrospection.builder().build());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2TokenIntrospectionAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static OAuth2ClientAuthenticationToken authenticatedClient(Object principal) {
		if (principal instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()
				&& client.getRegisteredClient() != null) {
			return client;
		}
		throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
	}

	private OAuth2TokenIntrospection refreshTokenClaims(String token) {
		OAuth2Authorization authorization = this.store.findByToken(token, OAuth2TokenType.REFRESH_TOKEN);
		OAuth2Authorization.Token<OAuth2RefreshToken> refreshToken = (authorization != null)
				? authorization.getRefreshToken() : null;
		if (refreshToken == null || !refreshToken.isActive()
				|| !token.equals(refreshToken.getToken().getTokenValue())) {
			return null;
		}
		RegisteredClient client = this.clients.findById(authorization.getRegisteredClientId());
		OAuth2TokenIntrospection.Builder claims = OAuth2TokenIntrospection.builder(true)
			.subject(subjectSeenByClient(authorization))
			.scopes(scopes -> scopes.addAll(authorization.getAuthorizedScopes()));
		if (client != null) {
			claims.clientId(client.getClientId());
		}
		if (refreshToken.getToken().getIssuedAt() != null) {
			claims.issuedAt(refreshToken.getToken().getIssuedAt());
		}
		if (refreshToken.getToken().getExpiresAt() != null) {
			claims.expiresAt(refreshToken.getToken().getExpiresAt());
		}
		return claims.build();
	}

	/**
	 * The {@code sub} the client sees in its tokens (pairwise for a pairwise client): that of the
	 * authorization's access token, else the reader's own.
	 */
	private static String subjectSeenByClient(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
		Object subject = (accessToken != null && accessToken.getClaims() != null) ? accessToken.getClaims().get("sub")
				: null;
		return (subject != null) ? subject.toString() : authorization.getPrincipalName();
	}

	private OAuth2TokenIntrospection accessTokenClaims(String token) {
		Jwt jwt;
		try {
			jwt = this.accessTokens.decode(token);
		}
		catch (JwtException ex) {
			return null; // not ours, expired, revoked or malformed: inactive, nothing more
		}
		Map<String, Object> claims = new HashMap<>(jwt.getClaims());
		Object scope = claims.get(OAuth2TokenIntrospectionClaimNames.SCOPE);
		if (scope instanceof String text) {
			claims.put(OAuth2TokenIntrospectionClaimNames.SCOPE,
					Arrays.stream(text.split(" ")).filter(value -> !value.isEmpty()).toList());
		}
		if (claims.get(OAuth2TokenIntrospectionClaimNames.AUD) instanceof String audience) {
			claims.put(OAuth2TokenIntrospectionClaimNames.AUD, List.of(audience));
		}
		if (claims.get(OAuth2TokenIntrospectionClaimNames.ISS) != null) {
			claims.put(OAuth2TokenIntrospectionClaimNames.ISS, claims.get(OAuth2TokenIntrospectionClaimNames.ISS).toString());
		}
		return OAuth2TokenIntrospection.withClaims(claims)
			.active(true)
			.tokenType(OAuth2AccessToken.TokenType.BEARER.getValue())
			.build();
	}

}

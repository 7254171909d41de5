package org.readerpass.authserver.session;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;

/**
 * OIDC RP-Initiated Logout 1.0 §2-§3: the {@code id_token_hint} must be an ID token of this server
 * ({@link IdTokenHints}; expired ones included, unlike the stock check, which also loses every ID
 * token a refresh replaced); {@code client_id}, when sent, must be in its audience; a
 * {@code post_logout_redirect_uri} must be registered for that client, exactly. Which session
 * ends is decided by {@link SessionLogout}. A {@code state} longer than {@value #MAX_STATE_LENGTH}
 * characters is refused before anything ends, as at the authorization endpoint: sent back in the
 * redirect it made a response header too large (a 500 after the session had ended).
 */
public final class RpInitiatedLogout implements AuthenticationProvider {

	private static final String SPEC = "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ValidationAndErrorHandling";

	/** The longest {@code state} sent back, as at the authorization endpoint. */
	static final int MAX_STATE_LENGTH = 2048;

	private final IdTokenHints hints;

	private final RegisteredClientRepository clients;

	public RpInitiatedLogout(IdTokenHints hints, RegisteredClientRepository clients) {
		this.hints = hints;
		this.clients = clients;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		OidcLogoutAuthenticationToken request = (OidcLogoutAuthenticationToken) authentication;
		if (request.getState() != null && request.getState().length() > MAX_STATE_LENGTH) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST, "state is longer than " + MAX_STATE_LENGTH + " characters");
		}
		JWTClaimsSet hint = this.hints.verify(request.getIdTokenHint())
			.orElseThrow(() -> error(OAuth2ErrorCodes.INVALID_TOKEN, "id_token_hint is not an ID token of this server"));
		String clientId = (request.getClientId() != null) ? request.getClientId() : hint.getAudience().get(0);
		if (!hint.getAudience().contains(clientId)) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST, "client_id is not the audience of id_token_hint");
		}
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST, "client_id is not a registered client");
		}
		String redirect = request.getPostLogoutRedirectUri();
		if (redirect != null && !client.getPostLogoutRedirectUris().contains(redirect)) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST, "post_logout_redirect_uri is not registered for the client");
		}
		return new OidcLogoutAuthenticationToken(idToken(request.getIdTokenHint(), hint),
				(Authentication) request.getPrincipal(), request.getSessionId(), clientId, redirect, request.getState());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OidcLogoutAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static OidcIdToken idToken(String value, JWTClaimsSet claims) {
		Map<String, Object> values = new HashMap<>();
		claims.getClaims().forEach((name, claim) -> values.put(name, (claim instanceof Date date) ? date.toInstant() : claim));
		Date issuedAt = claims.getIssueTime();
		Date expiresAt = claims.getExpirationTime();
		return new OidcIdToken(value, (issuedAt != null) ? issuedAt.toInstant() : null,
				(expiresAt != null) ? expiresAt.toInstant() : null, values);
	}

	private static OAuth2AuthenticationException error(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, SPEC));
	}

}

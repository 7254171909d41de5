package org.readerpass.authserver.authorization;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/** What every {@link AuthorizationStore} reads the same way from an authorization it keeps. */
final class StoredAuthorizations {

	/** How long an authorization without tokens (waiting for consent) is kept. */
	static final Duration PENDING_TTL = Duration.ofMinutes(10);

	/**
	 * How many unexpired access tokens an authorization lists, to revoke them with it. A save that
	 * issues one more revokes the oldest at once: a token superseded by this many newer ones of the
	 * same family is not in use, and the list, read and rewritten by every refresh, stays short
	 * however fast a client refreshes.
	 */
	static final int LIVE_ACCESS_TOKENS = 16;

	/** An access token the authorization issued, revoked with it while unexpired. */
	record IssuedAccessToken(String jti, Instant expiresAt) {
	}

	private StoredAuthorizations() {
	}

	/** When the authorization's last token expires; {@link #PENDING_TTL} from now when it has none. */
	static Instant evictAfter(OAuth2Authorization authorization, Instant now) {
		Instant latest = null;
		for (Class<? extends AbstractOAuth2Token> type : List.of(OAuth2AuthorizationCode.class, OAuth2AccessToken.class,
				OidcIdToken.class, OAuth2RefreshToken.class, OAuth2DeviceCode.class, OAuth2UserCode.class)) {
			OAuth2Authorization.Token<? extends AbstractOAuth2Token> token = authorization.getToken(type);
			Instant expiresAt = (token != null) ? token.getToken().getExpiresAt() : null;
			if (expiresAt != null && (latest == null || expiresAt.isAfter(latest))) {
				latest = expiresAt;
			}
		}
		return (latest != null) ? latest : now.plus(PENDING_TTL);
	}

	/** The authorization's current access token by {@code jti}, or {@code null}. */
	static IssuedAccessToken issuedAccessToken(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2AccessToken> token = authorization.getAccessToken();
		if (token == null || token.getClaims() == null || token.getToken().getExpiresAt() == null) {
			return null;
		}
		Object jti = token.getClaims().get("jti");
		return (jti != null) ? new IssuedAccessToken(jti.toString(), token.getToken().getExpiresAt()) : null;
	}

	/** The SSO session the authorization was granted in ({@link SessionBound}), or {@code null}. */
	static String sessionId(OAuth2Authorization authorization) {
		Object principal = authorization.getAttribute(Principal.class.getName());
		return (principal instanceof SessionBound bound) ? bound.sessionId() : null;
	}

}

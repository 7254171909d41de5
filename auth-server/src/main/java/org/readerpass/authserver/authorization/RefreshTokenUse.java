package org.readerpass.authserver.authorization;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/** What presenting a refresh token turned out to be ({@link AuthorizationStore#useRefreshToken}). */
public sealed interface RefreshTokenUse {

	/** The current refresh token of a live authorization, now claimed: no second use will succeed. */
	record FirstUse(OAuth2Authorization authorization) implements RefreshTokenUse {
	}

	/**
	 * A refresh token of a live authorization that was used (or is being used) already: a replay,
	 * after which the whole authorization must be revoked.
	 */
	record Reuse(String authorizationId) implements RefreshTokenUse {
	}

	/** Not a refresh token of any live authorization. */
	record Unknown() implements RefreshTokenUse {
	}

}

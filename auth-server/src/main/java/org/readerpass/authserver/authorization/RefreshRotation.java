package org.readerpass.authserver.authorization;

import java.util.Map;
import java.util.Optional;

import org.readerpass.authserver.audit.SecurityEvent;
import org.readerpass.authserver.audit.SecurityEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;

/**
 * Refresh tokens are used once (RFC 9700 §4.14.2): each refresh claims the presented token in the
 * store before the stock provider rotates it; presenting a token that was used already — a replay,
 * by an attacker or by the app after a thief — revokes the whole authorization (every access and
 * refresh token of that sign-in), answers {@code invalid_grant} and is written to the security
 * audit log as {@value #REUSE_EVENT}.
 */
public final class RefreshRotation implements AuthenticationProvider {

	public static final String REUSE_EVENT = "refresh_token.reuse";

	private static final Logger log = LoggerFactory.getLogger(RefreshRotation.class);

	private final AuthenticationProvider delegate;

	private final AuthorizationStore store;

	private final SecurityEvents events;

	public RefreshRotation(AuthenticationProvider delegate, AuthorizationStore store, SecurityEvents events) {
		this.delegate = delegate;
		this.store = store;
		this.events = events;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		if (authentication instanceof OAuth2RefreshTokenAuthenticationToken refresh
				&& refresh.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			String token = refresh.getRefreshToken();
			OAuth2Authorization current = this.store.findByToken(token, OAuth2TokenType.REFRESH_TOKEN);
			if (current != null && !current.getRegisteredClientId().equals(client.getRegisteredClient().getId())) {
				// another client's token: refused without spending it
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
			}
			if (this.store.useRefreshToken(token) instanceof RefreshTokenUse.Reuse reuse) {
				Optional<OAuth2Authorization> revoked = this.store.revokeAuthorization(reuse.authorizationId());
				String clientId = client.getRegisteredClient().getClientId();
				log.warn("Refresh token replayed: its authorization is revoked client={}", clientId);
				this.events.record(new SecurityEvent(REUSE_EVENT, clientId,
						revoked.map(OAuth2Authorization::getPrincipalName).orElse(null),
						Map.of("authorization", reuse.authorizationId(), "revoked", String.valueOf(revoked.isPresent()))));
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
			}
		}
		return this.delegate.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}

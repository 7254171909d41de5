package org.readerpass.authserver.authorization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Authorizations of the single-node embedded default, in memory, with what the stock
 * {@code InMemoryOAuth2AuthorizationService} lacks for a server that stays up: lookups by token
 * through an index (not a scan of every authorization), and eviction once every token of an
 * authorization has expired, so memory is bounded by live authorizations.
 *
 * <p>
 * Client-credentials authorizations are not kept: their self-contained access tokens are checked
 * by signature, no reader is involved, and keeping one entry per token request made memory grow
 * with every request (see {@code docs/decisions/2026-11-25-embedded-authorization-store.md}).
 */
public final class IndexedInMemoryAuthorizationService implements OAuth2AuthorizationService {

	/** How long an authorization without tokens (waiting for consent) is kept. */
	static final Duration PENDING_TTL = Duration.ofMinutes(10);

	private static final List<String> TOKEN_TYPES = List.of(OAuth2ParameterNames.STATE, OAuth2ParameterNames.CODE,
			OAuth2TokenType.ACCESS_TOKEN.getValue(), OidcParameterNames.ID_TOKEN,
			OAuth2TokenType.REFRESH_TOKEN.getValue(), OAuth2ParameterNames.DEVICE_CODE, OAuth2ParameterNames.USER_CODE);

	private record Entry(OAuth2Authorization authorization, List<String> keys, Instant evictAfter) {
	}

	private final Map<String, Entry> byId = new ConcurrentHashMap<>();

	private final Map<String, String> idByToken = new ConcurrentHashMap<>();

	private final Clock clock;

	public IndexedInMemoryAuthorizationService(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
			return;
		}
		List<String> keys = keys(authorization);
		Entry previous = this.byId.put(authorization.getId(),
				new Entry(authorization, keys, evictAfter(authorization)));
		if (previous != null) {
			previous.keys().stream().filter(key -> !keys.contains(key)).forEach(key -> this.idByToken.remove(key, authorization.getId()));
		}
		keys.forEach(key -> this.idByToken.put(key, authorization.getId()));
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		Entry removed = this.byId.remove(authorization.getId());
		if (removed != null) {
			removed.keys().forEach(key -> this.idByToken.remove(key, authorization.getId()));
		}
	}

	@Override
	public OAuth2Authorization findById(String id) {
		Entry entry = this.byId.get(id);
		return (entry != null) ? entry.authorization() : null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		if (tokenType != null) {
			return find(key(tokenType.getValue(), token));
		}
		for (String type : TOKEN_TYPES) {
			OAuth2Authorization found = find(key(type, token));
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/** Drops authorizations whose every token has expired; returns how many. */
	public int evictExpired() {
		Instant now = this.clock.instant();
		int evicted = 0;
		for (Entry entry : this.byId.values()) {
			if (entry.evictAfter().isBefore(now)) {
				remove(entry.authorization());
				evicted++;
			}
		}
		return evicted;
	}

	int size() {
		return this.byId.size();
	}

	private OAuth2Authorization find(String key) {
		String id = this.idByToken.get(key);
		return (id != null) ? findById(id) : null;
	}

	private Instant evictAfter(OAuth2Authorization authorization) {
		Instant latest = null;
		for (Class<? extends AbstractOAuth2Token> type : List.of(OAuth2AuthorizationCode.class, OAuth2AccessToken.class,
				OidcIdToken.class, OAuth2RefreshToken.class, OAuth2DeviceCode.class, OAuth2UserCode.class)) {
			OAuth2Authorization.Token<? extends AbstractOAuth2Token> token = authorization.getToken(type);
			Instant expiresAt = (token != null) ? token.getToken().getExpiresAt() : null;
			if (expiresAt != null && (latest == null || expiresAt.isAfter(latest))) {
				latest = expiresAt;
			}
		}
		return (latest != null) ? latest : this.clock.instant().plus(PENDING_TTL);
	}

	private static List<String> keys(OAuth2Authorization authorization) {
		List<String> keys = new ArrayList<>(4);
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			keys.add(key(OAuth2ParameterNames.STATE, state));
		}
		addKey(keys, OAuth2ParameterNames.CODE, authorization.getToken(OAuth2AuthorizationCode.class));
		addKey(keys, OAuth2TokenType.ACCESS_TOKEN.getValue(), authorization.getToken(OAuth2AccessToken.class));
		addKey(keys, OidcParameterNames.ID_TOKEN, authorization.getToken(OidcIdToken.class));
		addKey(keys, OAuth2TokenType.REFRESH_TOKEN.getValue(), authorization.getToken(OAuth2RefreshToken.class));
		addKey(keys, OAuth2ParameterNames.DEVICE_CODE, authorization.getToken(OAuth2DeviceCode.class));
		addKey(keys, OAuth2ParameterNames.USER_CODE, authorization.getToken(OAuth2UserCode.class));
		return List.copyOf(keys);
	}

	private static void addKey(List<String> keys, String type, OAuth2Authorization.Token<?> token) {
		if (token != null) {
			keys.add(key(type, token.getToken().getTokenValue()));
		}
	}

	private static String key(String type, String value) {
		return type + ':' + value;
	}

}

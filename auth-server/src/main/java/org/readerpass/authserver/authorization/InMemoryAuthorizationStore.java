package org.readerpass.authserver.authorization;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.readerpass.authserver.authorization.StoredAuthorizations.IssuedAccessToken;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The {@link AuthorizationStore} of the single-node embedded default, in memory: lookups by token
 * through an index (not a scan), secondary indexes by SSO session and by reader, and eviction
 * once every token of an authorization has expired, so memory is bounded by live authorizations.
 *
 * <p>
 * Client-credentials authorizations are not kept: their self-contained access tokens are checked
 * by signature and the revocation list, and keeping one entry per token request made memory grow
 * with every request (see {@code docs/decisions/2026-11-25-embedded-authorization-store.md}).
 * A refresh-token replay is recognised without remembering used tokens: each refresh token names
 * its authorization ({@link FamilyRefreshTokens}), and any refresh token of a live authorization
 * that is not its current one, unclaimed, is a replay.
 */
public final class InMemoryAuthorizationStore implements AuthorizationStore {

	private static final List<String> TOKEN_TYPES = List.of(OAuth2ParameterNames.STATE, OAuth2ParameterNames.CODE,
			OAuth2TokenType.ACCESS_TOKEN.getValue(), OidcParameterNames.ID_TOKEN,
			OAuth2TokenType.REFRESH_TOKEN.getValue(), OAuth2ParameterNames.DEVICE_CODE, OAuth2ParameterNames.USER_CODE);

	private static final String REFRESH = OAuth2TokenType.REFRESH_TOKEN.getValue();

	private record Entry(OAuth2Authorization authorization, List<String> keys, Instant evictAfter,
			List<IssuedAccessToken> accessTokens, String sessionId, AtomicBoolean refreshClaimed) {
	}

	private final Map<String, Entry> byId = new ConcurrentHashMap<>();

	private final Map<String, String> idByToken = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> idsBySession = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> idsByPrincipal = new ConcurrentHashMap<>();

	private final Map<String, Instant> revokedAccessTokens = new ConcurrentHashMap<>();

	/** Revoked authorizations, until their tokens would have expired: a racing save never revives one. */
	private final Map<String, Instant> revokedAuthorizations = new ConcurrentHashMap<>();

	private final Clock clock;

	public InMemoryAuthorizationStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
			return;
		}
		String id = authorization.getId();
		if (this.revokedAuthorizations.containsKey(id)) {
			// a refresh that raced the revocation of its family: its new access token is revoked too
			IssuedAccessToken issued = StoredAuthorizations.issuedAccessToken(authorization);
			if (issued != null) {
				revokeAccessToken(issued.jti(), issued.expiresAt());
			}
			return;
		}
		List<String> keys = keys(authorization);
		String sessionId = StoredAuthorizations.sessionId(authorization);
		Instant now = this.clock.instant();
		Entry[] previous = new Entry[1];
		List<IssuedAccessToken> superseded = new ArrayList<>();
		this.byId.compute(id, (key, old) -> {
			previous[0] = old;
			superseded.clear();
			List<IssuedAccessToken> issued = new ArrayList<>();
			if (old != null) {
				old.accessTokens().stream().filter(token -> token.expiresAt().isAfter(now)).forEach(issued::add);
			}
			IssuedAccessToken current = StoredAuthorizations.issuedAccessToken(authorization);
			if (current != null && !issued.contains(current)) {
				issued.add(current);
			}
			while (issued.size() > StoredAuthorizations.LIVE_ACCESS_TOKENS) {
				superseded.add(issued.remove(0));
			}
			boolean sameRefreshToken = old != null
					&& refreshTokenValue(old.authorization()) != null
					&& refreshTokenValue(old.authorization()).equals(refreshTokenValue(authorization));
			return new Entry(authorization, keys, evictAfter(authorization), List.copyOf(issued), sessionId,
					sameRefreshToken ? old.refreshClaimed() : new AtomicBoolean());
		});
		superseded.forEach(token -> revokeAccessToken(token.jti(), token.expiresAt()));
		Entry old = previous[0];
		if (old != null) {
			old.keys().stream().filter(key -> !keys.contains(key)).forEach(key -> this.idByToken.remove(key, id));
		}
		keys.forEach(key -> this.idByToken.put(key, id));
		if (sessionId != null) {
			this.idsBySession.computeIfAbsent(sessionId, key -> ConcurrentHashMap.newKeySet()).add(id);
		}
		this.idsByPrincipal.computeIfAbsent(authorization.getPrincipalName(), key -> ConcurrentHashMap.newKeySet())
			.add(id);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		removeEntry(authorization.getId());
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

	@Override
	public RefreshTokenUse useRefreshToken(String refreshToken) {
		String id = this.idByToken.get(key(REFRESH, refreshToken));
		Entry entry = (id != null) ? this.byId.get(id) : null;
		if (entry != null && refreshToken.equals(refreshTokenValue(entry.authorization()))) {
			return entry.refreshClaimed().compareAndSet(false, true) ? new RefreshTokenUse.FirstUse(entry.authorization())
					: new RefreshTokenUse.Reuse(id);
		}
		String family = FamilyRefreshTokens.authorizationIdOf(refreshToken);
		if (family != null && this.byId.containsKey(family)) {
			return new RefreshTokenUse.Reuse(family);
		}
		return new RefreshTokenUse.Unknown();
	}

	@Override
	public Optional<OAuth2Authorization> revokeAuthorization(String authorizationId) {
		Entry removed = removeEntry(authorizationId);
		if (removed == null) {
			return Optional.empty();
		}
		this.revokedAuthorizations.put(authorizationId, removed.evictAfter());
		removed.accessTokens().forEach(token -> revokeAccessToken(token.jti(), token.expiresAt()));
		return Optional.of(removed.authorization());
	}

	@Override
	public List<OAuth2Authorization> revokeSession(String sessionId) {
		Set<String> ids = this.idsBySession.remove(sessionId);
		return revokeAll(ids);
	}

	@Override
	public List<OAuth2Authorization> revokeClientOfReader(String principalName, String registeredClientId) {
		Set<String> ids = this.idsByPrincipal.get(principalName);
		if (ids == null) {
			return List.of();
		}
		return revokeAll(ids.stream().filter(id -> {
			OAuth2Authorization authorization = findById(id);
			return authorization != null && authorization.getRegisteredClientId().equals(registeredClientId);
		}).toList());
	}

	@Override
	public void revokeAccessToken(String jti, Instant expiresAt) {
		if (expiresAt.isAfter(this.clock.instant())) {
			this.revokedAccessTokens.merge(jti, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
		}
	}

	@Override
	public boolean isAccessTokenRevoked(String jti) {
		Instant until = this.revokedAccessTokens.get(jti);
		return until != null && until.isAfter(this.clock.instant());
	}

	@Override
	public int evictExpired() {
		Instant now = this.clock.instant();
		int evicted = 0;
		for (Entry entry : this.byId.values()) {
			if (entry.evictAfter().isBefore(now) && removeEntry(entry.authorization().getId()) != null) {
				evicted++;
			}
		}
		this.revokedAccessTokens.values().removeIf(until -> !until.isAfter(now));
		this.revokedAuthorizations.values().removeIf(until -> until.isBefore(now));
		return evicted;
	}

	int size() {
		return this.byId.size();
	}

	int revocationListSize() {
		return this.revokedAccessTokens.size();
	}

	private List<OAuth2Authorization> revokeAll(Collection<String> ids) {
		if (ids == null) {
			return List.of();
		}
		List<OAuth2Authorization> revoked = new ArrayList<>();
		for (String id : List.copyOf(ids)) {
			revokeAuthorization(id).ifPresent(revoked::add);
		}
		return List.copyOf(revoked);
	}

	private Entry removeEntry(String id) {
		Entry removed = this.byId.remove(id);
		if (removed != null) {
			removed.keys().forEach(key -> this.idByToken.remove(key, id));
			if (removed.sessionId() != null) {
				removeFromIndex(this.idsBySession, removed.sessionId(), id);
			}
			removeFromIndex(this.idsByPrincipal, removed.authorization().getPrincipalName(), id);
		}
		return removed;
	}

	private static void removeFromIndex(Map<String, Set<String>> index, String key, String id) {
		index.computeIfPresent(key, (k, ids) -> {
			ids.remove(id);
			return ids.isEmpty() ? null : ids;
		});
	}

	private OAuth2Authorization find(String key) {
		String id = this.idByToken.get(key);
		return (id != null) ? findById(id) : null;
	}

	private Instant evictAfter(OAuth2Authorization authorization) {
		return StoredAuthorizations.evictAfter(authorization, this.clock.instant());
	}

	private static String refreshTokenValue(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2RefreshToken> token = authorization.getRefreshToken();
		return (token != null) ? token.getToken().getTokenValue() : null;
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
		addKey(keys, REFRESH, authorization.getToken(OAuth2RefreshToken.class));
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

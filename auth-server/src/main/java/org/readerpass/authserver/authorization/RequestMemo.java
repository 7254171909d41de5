package org.readerpass.authserver.authorization;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * An {@link AuthorizationStore} that reads each authorization at most once per HTTP request. One
 * token request asks the store for the same authorization several times: the PKCE check and the
 * code grant each look the code up; a refresh is looked up by the rotation check, the
 * suspended-reader check and the stock provider. With the store in Redis each lookup is a round
 * trip or two and a deserialization; here the first answer is kept in the request's attributes
 * and the others are served from it.
 *
 * <p>
 * Any change made through this store in the request (save, remove, a claim, a revocation) forgets
 * everything kept, so a lookup after it reads the store again; a refresh token's first use keeps
 * the authorization it claimed. Changes made by other nodes during
 * the request are not seen by its later lookups, which is what a single read would see too; the
 * store's own atomic operations (the refresh-token claim, the tombstone that drops a save of a
 * revoked authorization) still decide every race. Outside a request (the sweeper, back-channel
 * logout) every call goes to the store.
 */
final class RequestMemo implements AuthorizationStore {

	private static final String ATTRIBUTE = RequestMemo.class.getName();

	private final AuthorizationStore store;

	RequestMemo(AuthorizationStore store) {
		this.store = store;
	}

	/** The store this memo reads through. */
	AuthorizationStore store() {
		return this.store;
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return (id != null) ? remembered("id\n" + id, () -> this.store.findById(id)) : this.store.findById(null);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		if (token == null) {
			return this.store.findByToken(null, tokenType);
		}
		return remembered(key(token, tokenType), () -> this.store.findByToken(token, tokenType));
	}

	private static String key(String token, OAuth2TokenType tokenType) {
		return ((tokenType != null) ? tokenType.getValue() : "") + '\n' + token;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		forget();
		this.store.save(authorization);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		forget();
		this.store.remove(authorization);
	}

	/**
	 * Claims the token; a first use's authorization is what a lookup of the token finds next (the
	 * claim changes nothing else), so it is kept for the lookups that follow in the request.
	 */
	@Override
	public RefreshTokenUse useRefreshToken(String refreshToken) {
		forget();
		RefreshTokenUse use = this.store.useRefreshToken(refreshToken);
		if (use instanceof RefreshTokenUse.FirstUse first && refreshToken != null) {
			Map<String, OAuth2Authorization> memo = memo(true);
			if (memo != null) {
				memo.put(key(refreshToken, OAuth2TokenType.REFRESH_TOKEN), first.authorization());
			}
		}
		return use;
	}

	@Override
	public Optional<OAuth2Authorization> revokeAuthorization(String authorizationId) {
		forget();
		return this.store.revokeAuthorization(authorizationId);
	}

	@Override
	public List<OAuth2Authorization> revokeSession(String sessionId) {
		forget();
		return this.store.revokeSession(sessionId);
	}

	@Override
	public List<OAuth2Authorization> revokeClientOfReader(String principalName, String registeredClientId) {
		forget();
		return this.store.revokeClientOfReader(principalName, registeredClientId);
	}

	@Override
	public void revokeAccessToken(String jti, Instant expiresAt) {
		this.store.revokeAccessToken(jti, expiresAt);
	}

	@Override
	public boolean isAccessTokenRevoked(String jti) {
		return this.store.isAccessTokenRevoked(jti);
	}

	@Override
	public int evictExpired() {
		return this.store.evictExpired();
	}

	private interface Lookup {

		OAuth2Authorization find();

	}

	private OAuth2Authorization remembered(String key, Lookup lookup) {
		Map<String, OAuth2Authorization> memo = memo(true);
		if (memo == null) {
			return lookup.find();
		}
		if (memo.containsKey(key)) {
			return memo.get(key);
		}
		OAuth2Authorization found = lookup.find();
		memo.put(key, found);
		return found;
	}

	private void forget() {
		Map<String, OAuth2Authorization> memo = memo(false);
		if (memo != null) {
			memo.clear();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, OAuth2Authorization> memo(boolean create) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return null;
		}
		Object memo = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (memo == null && create) {
			memo = new HashMap<String, OAuth2Authorization>();
			request.setAttribute(ATTRIBUTE, memo, RequestAttributes.SCOPE_REQUEST);
		}
		return (Map<String, OAuth2Authorization>) memo;
	}

}

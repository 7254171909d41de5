package org.readerpass.authserver.authorization;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;

/**
 * Every piece of per-token state the server keeps, behind one contract that each store (the
 * embedded {@link InMemoryAuthorizationStore}, the shared {@code RedisAuthorizationStore}) implements
 * and proves with {@code AuthorizationStoreContractTests}.
 *
 * <p>
 * Authorizations are the stock ones (codes, reader access tokens, refresh tokens, ID tokens,
 * device codes), with what the stock contract lacks:
 * <ul>
 * <li><b>a revocation list</b> for self-contained access tokens, by {@code jti} until the token's
 * {@code exp}: client-credentials tokens are never stored, so revoking one records only its
 * id;</li>
 * <li><b>refresh-token families</b>: a refresh token is used once; presenting it again, or any
 * earlier refresh token of the same authorization, is a replay
 * ({@link RefreshTokenUse.Reuse});</li>
 * <li><b>revocation by family, SSO session and reader + client</b>, each revoking every access
 * token the authorization ever issued that has not expired.</li>
 * </ul>
 * A client-credentials authorization is never stored ({@link #save} ignores it).
 */
public interface AuthorizationStore extends OAuth2AuthorizationService {

	/**
	 * Claims a refresh token for one use, atomically: of two concurrent uses of the same token, one
	 * is {@link RefreshTokenUse.FirstUse}, the other {@link RefreshTokenUse.Reuse}.
	 * @param refreshToken the value the client presented
	 */
	RefreshTokenUse useRefreshToken(String refreshToken);

	/**
	 * Revokes one authorization (a refresh-token family): removes it and puts every access token
	 * it issued that is still unexpired on the revocation list. It stays revoked: a later
	 * {@link #save} of it (a refresh that raced the revocation) is dropped, and the access token
	 * that save carries is revoked too.
	 * @return the authorization revoked, empty when there was none
	 */
	Optional<OAuth2Authorization> revokeAuthorization(String authorizationId);

	/**
	 * Revokes every authorization granted in one SSO session ({@link SessionBound}).
	 * @return the authorizations revoked (for back-channel logout)
	 */
	List<OAuth2Authorization> revokeSession(String sessionId);

	/**
	 * Revokes every authorization one reader granted one client (consent withdrawn).
	 * @param principalName the reader's {@code Principal.getName()}
	 * @param registeredClientId the client's registration id
	 * @return the authorizations revoked
	 */
	List<OAuth2Authorization> revokeClientOfReader(String principalName, String registeredClientId);

	/**
	 * Puts one self-contained access token on the revocation list until it expires.
	 * @param jti the token's {@code jti}
	 * @param expiresAt its {@code exp}: the entry is dropped after it
	 */
	void revokeAccessToken(String jti, Instant expiresAt);

	/** Whether an access token with this {@code jti} was revoked (and has not expired since). */
	boolean isAccessTokenRevoked(String jti);

	/**
	 * Drops what has expired: authorizations whose every token expired, and revocation entries past
	 * their token's {@code exp}.
	 * @return how many authorizations were dropped
	 */
	int evictExpired();

}

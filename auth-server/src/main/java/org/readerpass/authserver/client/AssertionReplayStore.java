package org.readerpass.authserver.client;

import java.time.Instant;

/**
 * The client assertions already used: a {@code private_key_jwt} assertion is accepted once (RFC
 * 7523 §3: "the authorization server MAY ensure that JWTs are not replayed by maintaining the set of
 * used jti values"; OIDC Core §9 requires {@code jti} for this). An assertion id is remembered until
 * the assertion is refused for its {@code exp} anyway: its {@code exp} plus the clock skew allowed.
 *
 * <p>
 * One node keeps them in memory ({@link InMemoryAssertionReplayStore}); several nodes share them in
 * Redis ({@link RedisAssertionReplayStore}, {@code readerpass.stores=redis}), or an assertion refused
 * on one node would be accepted on another.
 */
public interface AssertionReplayStore {

	/**
	 * Records a client's assertion id if it was not seen before.
	 * @param clientId the client whose assertion it is ({@code jti} values are unique per issuer)
	 * @param jti the assertion's {@code jti}
	 * @param keepUntil when the assertion is refused as expired in any case: the id need not be kept
	 * beyond it
	 * @return {@code true} if this is the id's first use; {@code false} if it was used before, or
	 * when the store cannot tell (it is full): an assertion is never accepted twice
	 */
	boolean firstUse(String clientId, String jti, Instant keepUntil);

}

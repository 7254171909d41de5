package org.readerpass.authserver.authorization;

import java.nio.charset.StandardCharsets;

/**
 * The Redis keys of {@link RedisAuthorizationStore}, under {@code readerpass.redis.key-prefix}. An
 * authorization and its tombstone share the hash tag {@code {id}} (one Cluster slot, so one script
 * updates both); every other key is used alone. Tokens, SSO sessions and readers appear only as
 * SHA-256 hashes, never in clear.
 */
final class RedisAuthorizationKeys {

	/** Expiry queues: the sweep's work spread over this many keys (and Cluster nodes). */
	static final int EXPIRY_QUEUES = 16;

	private final String prefix;

	RedisAuthorizationKeys(String prefix) {
		this.prefix = prefix;
	}

	/** A hash: the authorization, its current refresh token, the access tokens it issued. */
	byte[] authorization(String id) {
		return bytes(this.prefix + "authorization:{" + id + "}");
	}

	/** A hash: a revoked authorization's access tokens, until they expire; a save then revives nothing. */
	byte[] tombstone(String id) {
		return bytes(this.prefix + "authorization:{" + id + "}:revoked");
	}

	/** A string: {@code <type> <authorization id>} for one token (or consent state) by its hash. */
	byte[] token(String hash) {
		return bytes(this.prefix + "token:" + hash);
	}

	/** A set: the ids of the authorizations granted in one SSO session (by the session id's hash). */
	byte[] session(String sessionHash) {
		return bytes(this.prefix + "session:" + sessionHash);
	}

	/** A set: the ids of the authorizations one reader granted one client (by their hash). */
	byte[] readerClient(String readerClientHash) {
		return bytes(this.prefix + "reader-client:" + readerClientHash);
	}

	/** A sorted set: authorizations by when their last token expires, for the sweep. */
	byte[] expiryQueue(int queue) {
		return bytes(this.prefix + "expiring:" + queue);
	}

	/** A string: one revoked access token by {@code jti}, holding its {@code exp}, until then. */
	byte[] revokedAccessToken(String jti) {
		return bytes(this.prefix + "revoked-jti:" + jti);
	}

	static int expiryQueueOf(String authorizationId) {
		return Math.floorMod(authorizationId.hashCode(), EXPIRY_QUEUES);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}

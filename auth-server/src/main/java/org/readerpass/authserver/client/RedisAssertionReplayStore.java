package org.readerpass.authserver.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Used assertion ids shared by every node, in Redis: one key per client and {@code jti} (named by
 * their SHA-256), holding when the id may be forgotten, with a TTL until then. Recording is one
 * script, so of two nodes receiving the same assertion at once exactly one accepts it; the store's
 * clock, not Redis's, decides when an id may be forgotten. Unlike the in-memory store there is no
 * size limit: memory is bounded by the assertions' lifetimes.
 */
final class RedisAssertionReplayStore implements AssertionReplayStore {

	/** KEYS: the id's key. ARGV: keep until, now (epoch ms). 1 on first use. */
	private static final RedisScript<Long> FIRST_USE = RedisScript.of("""
			local seen = redis.call('GET', KEYS[1])
			if seen and tonumber(seen) > tonumber(ARGV[2]) then return 0 end
			local ttl = tonumber(ARGV[1]) - tonumber(ARGV[2])
			if ttl > 0 then redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl) end
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Clock clock;

	RedisAssertionReplayStore(RedisConnectionFactory connections, String keyPrefix, Clock clock) {
		this.redis = new StringRedisTemplate(connections);
		this.keyPrefix = keyPrefix + "assertion-jti:";
		this.clock = clock;
	}

	@Override
	public boolean firstUse(String clientId, String jti, Instant keepUntil) {
		String key = this.keyPrefix + sha256(clientId.length() + ":" + clientId + jti);
		Long first = this.redis.execute(FIRST_USE, List.of(key), Long.toString(keepUntil.toEpochMilli()),
				Long.toString(this.clock.millis()));
		return Long.valueOf(1).equals(first);
	}

	private static String sha256(String value) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

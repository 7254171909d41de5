package org.readerpass.ldapsync.lease;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The sync lease across nodes: a Redis key per library ({@code SET NX PX}) holding the holder's
 * random token, renewed and released only by that holder (compare-and-set scripts), expiring by
 * itself when a node dies. Redis unreachable means no lease: the run does not start, or stops.
 */
public final class RedisSyncLease implements SyncLease {

	private static final Logger log = LoggerFactory.getLogger(RedisSyncLease.class);

	private static final RedisScript<Long> RENEW = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
			Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	public RedisSyncLease(RedisConnectionFactory connections, String keyPrefix) {
		this.redis = new StringRedisTemplate(connections);
		this.redis.afterPropertiesSet();
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Optional<Held> tryAcquire(String library, Duration ttl) {
		String key = this.keyPrefix + "sync-lease:" + library;
		String token = UUID.randomUUID().toString();
		try {
			Boolean acquired = this.redis.opsForValue().setIfAbsent(key, token, ttl);
			return Boolean.TRUE.equals(acquired) ? Optional.of(new RedisHeld(library, key, token, ttl))
					: Optional.empty();
		}
		catch (RuntimeException ex) {
			log.warn("Sync lease not taken: Redis unavailable library={}", library, ex);
			return Optional.empty();
		}
	}

	private final class RedisHeld implements Held {

		private final String library;

		private final String key;

		private final String token;

		private final Duration ttl;

		RedisHeld(String library, String key, String token, Duration ttl) {
			this.library = library;
			this.key = key;
			this.token = token;
			this.ttl = ttl;
		}

		@Override
		public String library() {
			return this.library;
		}

		@Override
		public boolean renew() {
			try {
				Long renewed = RedisSyncLease.this.redis.execute(RENEW, List.of(this.key), this.token,
						String.valueOf(this.ttl.toMillis()));
				return renewed != null && renewed == 1L;
			}
			catch (RuntimeException ex) {
				log.warn("Sync lease not renewed: Redis unavailable library={}", this.library, ex);
				return false;
			}
		}

		@Override
		public void close() {
			try {
				RedisSyncLease.this.redis.execute(RELEASE, List.of(this.key), this.token);
			}
			catch (RuntimeException ex) {
				log.warn("Sync lease not released (it will expire) library={}", this.library, ex);
			}
		}

	}

}

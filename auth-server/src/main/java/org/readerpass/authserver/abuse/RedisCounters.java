package org.readerpass.authserver.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link Counters} in Redis, shared by every node: a hash per key ({@code c} the count, {@code e}
 * the window's end in epoch milliseconds of the server's {@link Clock}) under
 * {@code <readerpass.redis.key-prefix>abuse:}; {@code f} when it is forgotten. Every operation is
 * one round trip: a count (by 1 or by n) is a script doing HINCRBY and PEXPIRE on its one key; a
 * peek is an HMGET; a forget a script; a peek or forget of several keys one script on keys of one
 * hash tag, so all are Redis Cluster safe. A key expires when its window and keeping time are over.
 * Redis unreachable: nothing is counted (count 0), nothing read or forgotten, logged at WARN at
 * most once a minute.
 */
final class RedisCounters implements Counters {

	private static final Logger log = LoggerFactory.getLogger(RedisCounters.class);

	private static final Duration WARN_EVERY = Duration.ofMinutes(1);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> COUNT = RedisScript.of("""
			local now = tonumber(ARGV[1])
			local v = redis.call('HMGET', KEYS[1], 'c', 'e', 'f')
			local c, e, f = tonumber(v[1]), tonumber(v[2]), tonumber(v[3])
			if c == nil or e == nil or f == nil or e <= now then
			  c = tonumber(ARGV[4])
			  e = now + tonumber(ARGV[2])
			  f = e + tonumber(ARGV[3])
			  redis.call('HSET', KEYS[1], 'c', c, 'e', e, 'f', f)
			else
			  c = redis.call('HINCRBY', KEYS[1], 'c', ARGV[4])
			end
			redis.call('PEXPIRE', KEYS[1], math.max(1, f - now))
			return {c, e}
			""", List.class);

	/** Deletes the key; 1 if its window was still kept (not past its keeping time on the server's clock). */
	private static final RedisScript<Long> FORGET = RedisScript.of("""
			local f = tonumber(redis.call('HGET', KEYS[1], 'f'))
			if redis.call('DEL', KEYS[1]) == 1 and f ~= nil and f > tonumber(ARGV[1]) then
			  return 1
			end
			return 0
			""", Long.class);

	/** Each key's c, e and f (-1 when missing): one read of keys in one slot. */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> PEEK_ALL = RedisScript.of("""
			local out = {}
			for i, key in ipairs(KEYS) do
			  local v = redis.call('HMGET', key, 'c', 'e', 'f')
			  out[#out + 1] = tonumber(v[1]) or -1
			  out[#out + 1] = tonumber(v[2]) or -1
			  out[#out + 1] = tonumber(v[3]) or -1
			end
			return out
			""", List.class);

	/** FORGET of each key (in one slot): 1 where its window was still kept, else 0. */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> FORGET_ALL = RedisScript.of("""
			local now = tonumber(ARGV[1])
			local out = {}
			for i, key in ipairs(KEYS) do
			  local f = tonumber(redis.call('HGET', key, 'f'))
			  if redis.call('DEL', key) == 1 and f ~= nil and f > now then
			    out[i] = 1
			  else
			    out[i] = 0
			  end
			end
			return out
			""", List.class);

	private final StringRedisTemplate redis;

	private final String prefix;

	private final Clock clock;

	private final AtomicReference<Instant> nextWarning = new AtomicReference<>(Instant.MIN);

	RedisCounters(RedisConnectionFactory connections, String keyPrefix, Clock clock) {
		this.redis = new StringRedisTemplate(connections);
		this.redis.afterPropertiesSet();
		this.prefix = keyPrefix + "abuse:";
		this.clock = clock;
		String one = HashTags.of(this.prefix + "{t}");
		String other = HashTags.of(this.prefix + "{u}");
		if (!(one.equals("t") && other.equals("u")) && !one.equals(other)) {
			throw new IllegalArgumentException("readerpass.redis.key-prefix '" + keyPrefix
					+ "' has a brace that would break the hash tags of the abuse counters' keys: keep braces out of it");
		}
	}

	@Override
	public Window count(String key, Duration window, Duration keepAfter, long by) {
		if (by < 1) {
			throw new IllegalArgumentException("Count by at least 1, not " + by);
		}
		Instant now = this.clock.instant();
		try {
			List<?> counted = this.redis.execute(COUNT, List.of(this.prefix + key),
					String.valueOf(now.toEpochMilli()), String.valueOf(window.toMillis()),
					String.valueOf(keepAfter.toMillis()), String.valueOf(by));
			return new Window(((Number) counted.get(0)).longValue(),
					Instant.ofEpochMilli(((Number) counted.get(1)).longValue()));
		}
		catch (RuntimeException ex) {
			unavailable("Not counted", ex);
			return new Window(0, now);
		}
	}

	@Override
	public Optional<Window> peek(String key) {
		try {
			List<Object> fields = this.redis.opsForHash().multiGet(this.prefix + key, List.of("c", "e", "f"));
			if (fields.get(0) == null || fields.get(1) == null || fields.get(2) == null
					|| !this.clock.instant().isBefore(Instant.ofEpochMilli(Long.parseLong((String) fields.get(2))))) {
				return Optional.empty();
			}
			return Optional.of(new Window(Long.parseLong((String) fields.get(0)),
					Instant.ofEpochMilli(Long.parseLong((String) fields.get(1)))));
		}
		catch (RuntimeException ex) {
			unavailable("Not read", ex);
			return Optional.empty();
		}
	}

	@Override
	public boolean forget(String key) {
		try {
			Long kept = this.redis.execute(FORGET, List.of(this.prefix + key),
					String.valueOf(this.clock.instant().toEpochMilli()));
			return kept != null && kept == 1L;
		}
		catch (RuntimeException ex) {
			unavailable("Not forgotten", ex);
			return false;
		}
	}

	@Override
	public List<Optional<Window>> peekAll(List<String> keys) {
		List<String> prefixed = prefixed(keys);
		if (keys.isEmpty()) {
			return List.of();
		}
		try {
			List<?> fields = this.redis.execute(PEEK_ALL, prefixed);
			Instant now = this.clock.instant();
			List<Optional<Window>> windows = new ArrayList<>(keys.size());
			for (int i = 0; i < keys.size(); i++) {
				long c = ((Number) fields.get(3 * i)).longValue();
				long e = ((Number) fields.get(3 * i + 1)).longValue();
				long f = ((Number) fields.get(3 * i + 2)).longValue();
				boolean kept = c >= 0 && e >= 0 && f >= 0 && now.isBefore(Instant.ofEpochMilli(f));
				windows.add(kept ? Optional.of(new Window(c, Instant.ofEpochMilli(e))) : Optional.empty());
			}
			return windows;
		}
		catch (RuntimeException ex) {
			unavailable("Not read", ex);
			return Collections.nCopies(keys.size(), Optional.empty());
		}
	}

	@Override
	public List<Boolean> forgetAll(List<String> keys) {
		List<String> prefixed = prefixed(keys);
		if (keys.isEmpty()) {
			return List.of();
		}
		try {
			List<?> kept = this.redis.execute(FORGET_ALL, prefixed,
					String.valueOf(this.clock.instant().toEpochMilli()));
			return kept.stream().map(one -> ((Number) one).longValue() == 1L).toList();
		}
		catch (RuntimeException ex) {
			unavailable("Not forgotten", ex);
			return Collections.nCopies(keys.size(), false);
		}
	}

	/** The keys under the prefix, which must leave them one hash tag (a prefix with braces could break it). */
	private List<String> prefixed(List<String> keys) {
		HashTags.requireOne(keys);
		List<String> prefixed = keys.stream().map(key -> this.prefix + key).toList();
		HashTags.requireOne(prefixed);
		return prefixed;
	}

	/** WARN at most once a minute (with the exception), DEBUG otherwise: Redis down must not flood the log. */
	private void unavailable(String what, RuntimeException ex) {
		Instant now = this.clock.instant();
		Instant due = this.nextWarning.get();
		if (now.isAfter(due) && this.nextWarning.compareAndSet(due, now.plus(WARN_EVERY))) {
			log.warn("{}: Redis unavailable; counts are not kept until it answers (next warning in a minute)", what, ex);
		}
		else {
			log.debug("{}: Redis unavailable", what);
		}
	}

}

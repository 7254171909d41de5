package org.readerpass.authserver.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import org.readerpass.authserver.redis.RedisBatch;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The Redis commands of {@link RedisSessionStore}, each on one session hash (one key: Redis
 * Cluster safe), sent on the shared Lettuce connection; the two of a changed session id go in one
 * round trip (sent back to back, awaited together; in a cluster each to the node of its key).
 * Failures come out as Spring's {@link DataAccessException}s with Lettuce's exception as the
 * cause, so that {@code availability.StoreFailures} tells an unreachable Redis (a {@code 503}).
 */
final class RedisSessionCommands {

	/**
	 * KEYS: the session's hash. ARGV: '1' to write only if the hash exists (never resurrect a
	 * session deleted meanwhile), '0' to write anyway; when it expires (epoch milliseconds, or ''
	 * for never); n, the number of fields to set; n field/value pairs; the fields to delete.
	 * Returns 1 when written, 0 when the hash did not exist and nothing was written.
	 */
	private static final byte[] WRITE = """
			if ARGV[1] == '1' and redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			local n = tonumber(ARGV[3])
			if n > 0 then redis.call('HSET', KEYS[1], unpack(ARGV, 4, 3 + 2 * n)) end
			if #ARGV > 3 + 2 * n then redis.call('HDEL', KEYS[1], unpack(ARGV, 4 + 2 * n, #ARGV)) end
			if ARGV[2] == '' then redis.call('PERSIST', KEYS[1]) else redis.call('PEXPIREAT', KEYS[1], ARGV[2]) end
			return 1
			""".getBytes(StandardCharsets.UTF_8);

	private static final byte[] ONLY_IF_EXISTS = bytes("1");

	private static final byte[] ALWAYS = bytes("0");

	private final RedisBatch redis;

	RedisSessionCommands(RedisConnectionFactory connections) {
		this.redis = new RedisBatch(connections);
	}

	/** HGETALL: the hash's fields and values, empty when there is none. */
	@SuppressWarnings("unchecked")
	Map<byte[], byte[]> read(byte[] key) {
		return (Map<byte[], byte[]>) run(commands -> List.of(commands.hgetall(key))).get(0);
	}

	/**
	 * One round trip: sets {@code fields} (field, value, field, value, …), deletes
	 * {@code removed} and sets the expiry, atomically; when {@code onlyIfExists}, only if the hash
	 * exists. Answers whether it was written.
	 */
	boolean write(byte[] key, boolean onlyIfExists, long expireAt, List<byte[]> fields, List<byte[]> removed) {
		return Long.valueOf(1).equals(run(commands -> List.of(send(commands, key, onlyIfExists, expireAt, fields,
				removed))).get(0));
	}

	/**
	 * One round trip: writes the whole hash under {@code key} and deletes {@code previousKey} (a
	 * changed session id). The keys are in different hash slots, so these are two commands, not
	 * one script.
	 */
	void move(byte[] previousKey, byte[] key, long expireAt, List<byte[]> fields) {
		run(commands -> List.of(send(commands, key, false, expireAt, fields, List.of()), commands.del(previousKey)));
	}

	/** DEL. */
	void delete(byte[] key) {
		run(commands -> List.of(commands.del(key)));
	}

	private static RedisFuture<Long> send(RedisClusterAsyncCommands<byte[], byte[]> commands, byte[] key,
			boolean onlyIfExists, long expireAt, List<byte[]> fields, List<byte[]> removed) {
		List<byte[]> args = new ArrayList<>(3 + fields.size() + removed.size());
		args.add(onlyIfExists ? ONLY_IF_EXISTS : ALWAYS);
		args.add((expireAt >= 0) ? bytes(Long.toString(expireAt)) : new byte[0]);
		args.add(bytes(Integer.toString(fields.size() / 2)));
		args.addAll(fields);
		args.addAll(removed);
		// by its text, so that it is one command every time (EVALSHA would need a second after a
		// Redis restart or failover); Redis compiles it once and caches it
		return commands.eval(WRITE, ScriptOutputType.INTEGER, new byte[][] { key }, args.toArray(byte[][]::new));
	}

	private List<Object> run(Function<RedisClusterAsyncCommands<byte[], byte[]>, List<RedisFuture<?>>> send) {
		return this.redis.run(send);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}

package org.readerpass.authserver.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

/**
 * The keys a test wrote under its own prefix, found by {@code SCAN} (on every master of a
 * cluster): to read them all, and to delete them afterwards. Never {@code FLUSHALL}: the server is
 * left as found.
 */
public final class TestRedisKeys {

	private TestRedisKeys() {
	}

	/** Deletes every key under the prefix. */
	public static void deleteAll(RedisConnectionFactory connections, String prefix) {
		try (RedisConnection connection = connections.getConnection()) {
			for (byte[] key : keys(connection, prefix)) {
				connection.keyCommands().del(key);
			}
		}
	}

	/**
	 * Every key under the prefix with what it holds: a string's value, a hash's fields and values, a
	 * set's or sorted set's members.
	 */
	public static Map<String, List<byte[]>> contents(RedisConnectionFactory connections, String prefix) {
		Map<String, List<byte[]>> contents = new LinkedHashMap<>();
		try (RedisConnection connection = connections.getConnection()) {
			for (byte[] key : keys(connection, prefix)) {
				List<byte[]> values = new ArrayList<>();
				DataType type = connection.keyCommands().type(key);
				switch (type) {
					case STRING -> values.add(connection.stringCommands().get(key));
					case HASH -> connection.hashCommands().hGetAll(key).forEach((field, value) -> {
						values.add(field);
						values.add(value);
					});
					case SET -> values.addAll(connection.setCommands().sMembers(key));
					case ZSET -> values.addAll(connection.zSetCommands().zRange(key, 0, -1));
					default -> throw new AssertionError("Unexpected " + type + " at " + string(key));
				}
				contents.put(string(key), values);
			}
		}
		return contents;
	}

	private static List<byte[]> keys(RedisConnection connection, String prefix) {
		ScanOptions options = ScanOptions.scanOptions().match(prefix + "*").count(1000).build();
		List<byte[]> keys = new ArrayList<>();
		if (connection instanceof RedisClusterConnection cluster) {
			for (RedisClusterNode node : cluster.clusterGetNodes()) {
				if (node.isMaster()) {
					try (Cursor<byte[]> cursor = cluster.scan(node, options)) {
						cursor.forEachRemaining(keys::add);
					}
				}
			}
		}
		else {
			try (Cursor<byte[]> cursor = connection.keyCommands().scan(options)) {
				cursor.forEachRemaining(keys::add);
			}
		}
		return keys;
	}

	private static String string(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}

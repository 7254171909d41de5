package org.readerpass.authserver.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;

/**
 * A Redis script, run atomically on the node holding its keys (all in one hash slot): on its own by
 * its SHA-1 when the node has it cached, else by its text; in a {@link org.readerpass.authserver.redis.RedisBatch} by its text.
 */
final class LuaScript {

	private final byte[] text;

	private final String sha;

	LuaScript(String text) {
		this.text = text.getBytes(StandardCharsets.UTF_8);
		try {
			this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(this.text));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs the script now; {@code keysAndArgs} holds {@code keys} keys first. */
	<T> T run(RedisConnection connection, ReturnType type, int keys, byte[]... keysAndArgs) {
		try {
			return connection.scriptingCommands().evalSha(this.sha, type, keys, keysAndArgs);
		}
		catch (RuntimeException ex) {
			if (!isNoScript(ex)) {
				throw ex;
			}
			return connection.scriptingCommands().eval(this.text, type, keys, keysAndArgs);
		}
	}

	/** Sends the script in a {@link org.readerpass.authserver.redis.RedisBatch}, by its text (Redis compiles it once and caches it). */
	<T> RedisFuture<T> send(RedisClusterAsyncCommands<byte[], byte[]> commands, ScriptOutputType type, byte[][] keys,
			byte[]... args) {
		return commands.eval(this.text, type, keys, args);
	}

	private static boolean isNoScript(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("NOSCRIPT")) {
				return true;
			}
		}
		return false;
	}

}

package org.readerpass.authserver.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Several commands in one round trip: sent at once on the shared Lettuce connection (which writes
 * them back to back; in a cluster each goes to the node of its key) and awaited together. Unlike
 * Spring Data's {@code executePipelined}, which takes a dedicated connection per pipeline (a new
 * TCP connection each time without a pool), this costs no connection set-up. Failures come out as
 * Spring's {@link DataAccessException}s with Lettuce's exception as the cause, which
 * {@code availability.StoreFailures} tells apart (Redis unreachable: {@code 503}). Used by the
 * stores that write Redis themselves: authorizations and SSO sessions.
 */
public final class RedisBatch {

	private final RedisTemplate<byte[], byte[]> redis;

	private final Duration timeout;

	/** A batch on {@code connections}, waiting for answers as long as a command may take. */
	public RedisBatch(RedisConnectionFactory connections) {
		this(bytes(connections), connections);
	}

	private RedisBatch(RedisTemplate<byte[], byte[]> redis, RedisConnectionFactory connections) {
		this.redis = redis;
		this.timeout = (connections instanceof LettuceConnectionFactory lettuce)
				? lettuce.getClientConfiguration().getCommandTimeout() : Duration.ofMinutes(1);
	}

	/** A template of raw keys and values (no serializers) on {@code connections}. */
	public static RedisTemplate<byte[], byte[]> bytes(RedisConnectionFactory connections) {
		RedisTemplate<byte[], byte[]> redis = new RedisTemplate<>();
		redis.setConnectionFactory(connections);
		redis.setEnableDefaultSerializer(false);
		redis.setKeySerializer(RedisSerializer.byteArray());
		redis.setValueSerializer(RedisSerializer.byteArray());
		redis.afterPropertiesSet();
		return redis;
	}

	/** Sends the commands {@code send} issues and answers their results, in order. */
	@SuppressWarnings("unchecked")
	public List<Object> run(Function<RedisClusterAsyncCommands<byte[], byte[]>, List<RedisFuture<?>>> send) {
		return this.redis.execute((RedisCallback<List<Object>>) connection -> {
			if (!(connection.getNativeConnection() instanceof RedisClusterAsyncCommands<?, ?> commands)) {
				throw new IllegalStateException("Not a Lettuce connection: " + connection.getClass().getName());
			}
			List<RedisFuture<?>> futures = send.apply((RedisClusterAsyncCommands<byte[], byte[]>) commands);
			try {
				if (!LettuceFutures.awaitAll(this.timeout, futures.toArray(RedisFuture[]::new))) {
					throw new QueryTimeoutException("Redis did not answer within " + this.timeout);
				}
				List<Object> results = new ArrayList<>(futures.size());
				for (RedisFuture<?> future : futures) {
					results.add(future.get());
				}
				return results;
			}
			catch (ExecutionException ex) {
				throw new RedisSystemException("Redis command failed", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RedisSystemException("Interrupted waiting for Redis", ex);
			}
			catch (RuntimeException ex) {
				throw (ex instanceof DataAccessException) ? ex
						: new RedisSystemException("Redis command failed", ex);
			}
		});
	}

}

package org.readerpass.ldapsync.testsupport;

import java.net.URI;
import java.util.UUID;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis server tests use: {@value #URL_ENV} when set, else the local default
 * {@value #LOCAL_URL}. No server: the test fails (never skips) saying what to start. Every test
 * works under a key prefix (and channel names) of its own, so the server is left as found.
 */
public final class TestRedis {

	public static final String URL_ENV = "READERPASS_TEST_REDIS_URL";

	public static final String LOCAL_URL = "redis://127.0.0.1:6379";

	private TestRedis() {
	}

	public static LettuceConnectionFactory connect() {
		String url = System.getenv().getOrDefault(URL_ENV, LOCAL_URL);
		URI uri = URI.create(url);
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379));
		factory.afterPropertiesSet();
		factory.start();
		try {
			factory.getConnection().ping();
		}
		catch (RuntimeException ex) {
			factory.destroy();
			throw new AssertionError("No Redis at " + url + ": start one (redis-server --port 6379, as .ci/run does) "
					+ "or set " + URL_ENV, ex);
		}
		return factory;
	}

	/** A key prefix / channel namespace no other test run uses. */
	public static String uniquePrefix() {
		return "readerpass-test:" + UUID.randomUUID() + ":";
	}

}

package org.readerpass.authserver.session;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The contract with every value in Java serialization ({@code readerpass.redis.session-format=java},
 * for a rolling upgrade from a release that reads nothing else), on the machine's Redis.
 */
class RedisSessionStoreJavaFormatTests extends RedisSessionStoreContractTests {

	private static LettuceConnectionFactory connections;

	@BeforeAll
	static void connect() {
		connections = TestRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@Override
	RedisConnectionFactory connections() {
		return connections;
	}

	@Override
	SessionValues values() {
		return SessionValues.java(RedisSessionStore.class.getClassLoader());
	}

}

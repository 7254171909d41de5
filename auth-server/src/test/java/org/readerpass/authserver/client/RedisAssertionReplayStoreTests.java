package org.readerpass.authserver.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.readerpass.authserver.testsupport.TestRedisKeys;
import org.readerpass.ldapsync.testsupport.MutableClock;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The replay-store contract on a standalone Redis ({@link TestRedis}), under a prefix of each test's own. */
class RedisAssertionReplayStoreTests extends AssertionReplayStoreContractTests {

	private static LettuceConnectionFactory connections;

	private final String prefix = TestRedis.uniquePrefix();

	@BeforeAll
	static void connect() {
		connections = TestRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@AfterEach
	void deleteKeys() {
		TestRedisKeys.deleteAll(connections, this.prefix);
	}

	@Override
	protected AssertionReplayStore createStore(MutableClock clock) {
		return new RedisAssertionReplayStore(connections, this.prefix, clock);
	}

}

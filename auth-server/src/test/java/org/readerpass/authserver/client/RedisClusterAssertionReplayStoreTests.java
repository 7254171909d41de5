package org.readerpass.authserver.client;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.readerpass.authserver.testsupport.TestRedisCluster;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The replay-store contract on a 3-master Redis Cluster this class starts and throws away. */
class RedisClusterAssertionReplayStoreTests extends AssertionReplayStoreContractTests {

	private static TestRedisCluster cluster;

	private static LettuceConnectionFactory connections;

	@BeforeAll
	static void startCluster() {
		cluster = TestRedisCluster.start();
		connections = cluster.connect();
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Override
	protected AssertionReplayStore createStore(MutableClock clock) {
		return new RedisAssertionReplayStore(connections, "readerpass-test:" + UUID.randomUUID() + ":", clock);
	}

}

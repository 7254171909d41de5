package org.readerpass.authserver.session;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.readerpass.authserver.testsupport.TestRedisCluster;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The contract on a 3-master Redis Cluster this class starts ({@link TestRedisCluster}) and throws
 * away: every script must touch one key, and a changed session id moves the session between hash
 * slots (usually between nodes).
 */
class RedisClusterSessionStoreTests extends RedisSessionStoreContractTests {

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
	RedisConnectionFactory connections() {
		return connections;
	}

}

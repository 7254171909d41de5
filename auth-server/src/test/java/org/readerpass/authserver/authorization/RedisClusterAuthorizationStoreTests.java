package org.readerpass.authserver.authorization;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.readerpass.authserver.testsupport.TestRedisCluster;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The store contract on a 3-master Redis Cluster this class starts ({@link TestRedisCluster}) and
 * throws away: every multi-key step must stay in one hash slot, or Redis refuses it
 * ({@code CROSSSLOT}).
 */
class RedisClusterAuthorizationStoreTests extends AuthorizationStoreContractTests {

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
	protected AuthorizationStore createStore(Clock clock) {
		return new RedisAuthorizationStore(connections, "readerpass-test:" + UUID.randomUUID() + ":", clock);
	}

}

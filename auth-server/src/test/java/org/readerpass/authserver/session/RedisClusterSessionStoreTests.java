package org.readerpass.authserver.session;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.authserver.testsupport.RedisClusterPerClass;
import org.readerpass.authserver.testsupport.TestRedisCluster;

import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The contract on a 3-master Redis Cluster this class starts ({@link TestRedisCluster}) and throws
 * away: every script must touch one key, and a changed session id moves the session between hash
 * slots (usually between nodes).
 */
class RedisClusterSessionStoreTests extends RedisSessionStoreContractTests {

	@RegisterExtension
	static final RedisClusterPerClass cluster = new RedisClusterPerClass();

	@Override
	RedisConnectionFactory connections() {
		return cluster.connections();
	}

}

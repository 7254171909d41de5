package org.readerpass.authserver.authorization;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.authserver.testsupport.RedisClusterPerClass;
import org.readerpass.authserver.testsupport.TestRedisCluster;


/**
 * The store contract on a 3-master Redis Cluster this class starts ({@link TestRedisCluster}) and
 * throws away: every multi-key step must stay in one hash slot, or Redis refuses it
 * ({@code CROSSSLOT}).
 */
class RedisClusterAuthorizationStoreTests extends AuthorizationStoreContractTests {

	@RegisterExtension
	static final RedisClusterPerClass cluster = new RedisClusterPerClass();

	@Override
	protected AuthorizationStore createStore(Clock clock) {
		return new RedisAuthorizationStore(cluster.connections(), "readerpass-test:" + UUID.randomUUID() + ":", clock);
	}

}

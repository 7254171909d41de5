package org.readerpass.authserver.client;

import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.authserver.testsupport.RedisClusterPerClass;
import org.readerpass.ldapsync.testsupport.MutableClock;


/** The replay-store contract on a 3-master Redis Cluster this class starts and throws away. */
class RedisClusterAssertionReplayStoreTests extends AssertionReplayStoreContractTests {

	@RegisterExtension
	static final RedisClusterPerClass cluster = new RedisClusterPerClass();

	@Override
	protected AssertionReplayStore createStore(MutableClock clock) {
		return new RedisAssertionReplayStore(cluster.connections(), "readerpass-test:" + UUID.randomUUID() + ":", clock);
	}

}

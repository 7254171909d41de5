package org.readerpass.ldapsync.lease;

import org.junit.jupiter.api.AfterEach;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis sync lease passes the lease contract on the machine's real Redis, two nodes being two
 * clients; every key lives under a prefix of this test run's own and is removed afterwards.
 */
class RedisSyncLeaseTests extends SyncLeaseContractTests {

	private final LettuceConnectionFactory nodeA = TestRedis.connect();

	private final LettuceConnectionFactory nodeB = TestRedis.connect();

	private final String prefix = TestRedis.uniquePrefix();

	@Override
	protected SyncLease lease() {
		return new RedisSyncLease(this.nodeA, this.prefix);
	}

	@Override
	protected SyncLease otherNode() {
		return new RedisSyncLease(this.nodeB, this.prefix);
	}

	@AfterEach
	void removeKeysAndDisconnect() {
		StringRedisTemplate redis = new StringRedisTemplate(this.nodeA);
		redis.afterPropertiesSet();
		var keys = redis.keys(this.prefix + "*");
		if (keys != null && !keys.isEmpty()) {
			redis.delete(keys);
		}
		this.nodeA.destroy();
		this.nodeB.destroy();
	}

}

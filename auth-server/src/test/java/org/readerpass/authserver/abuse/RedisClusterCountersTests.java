package org.readerpass.authserver.abuse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.readerpass.authserver.testsupport.TestRedisCluster;
import org.readerpass.ldapsync.testsupport.MutableClock;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The counters contract on a 3-master Redis Cluster this class starts and throws away: the scripts
 * on several keys of one hash tag run where the cluster put them.
 */
class RedisClusterCountersTests extends CountersContractTests {

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
	Counters newCounters(MutableClock clock) {
		return new RedisCounters(connections, TestRedis.uniquePrefix(), clock);
	}

}

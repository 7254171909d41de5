package org.readerpass.authserver.abuse;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.authserver.testsupport.RedisClusterPerClass;
import org.readerpass.ldapsync.testsupport.MutableClock;
import org.readerpass.ldapsync.testsupport.TestRedis;


/**
 * The counters contract on a 3-master Redis Cluster this class starts and throws away: the scripts
 * on several keys of one hash tag run where the cluster put them.
 */
class RedisClusterCountersTests extends CountersContractTests {

	@RegisterExtension
	static final RedisClusterPerClass cluster = new RedisClusterPerClass();

	@Override
	Counters newCounters(MutableClock clock) {
		return new RedisCounters(cluster.connections(), TestRedis.uniquePrefix(), clock);
	}

}

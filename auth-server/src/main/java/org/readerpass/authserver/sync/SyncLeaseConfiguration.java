package org.readerpass.authserver.sync;

import org.readerpass.ldapsync.lease.RedisSyncLease;
import org.readerpass.ldapsync.lease.SyncLease;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Which node syncs a library, across nodes: one library's sync on one node at a time through
 * Redis ({@code readerpass.directory.lease=redis}); ldap-sync's in-memory lease otherwise (one
 * node, the embedded default).
 */
@Configuration(proxyBeanMethods = false)
class SyncLeaseConfiguration {

	@Bean
	@ConditionalOnProperty(name = "readerpass.directory.lease", havingValue = "redis")
	SyncLease redisSyncLease(RedisConnectionFactory connections,
			@Value("${readerpass.redis.key-prefix:readerpass:}") String keyPrefix) {
		return new RedisSyncLease(connections, keyPrefix);
	}

}

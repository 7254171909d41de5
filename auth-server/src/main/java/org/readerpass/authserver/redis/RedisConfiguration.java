package org.readerpass.authserver.redis;

import org.readerpass.adminui.livepolicy.LocalPolicyChanges;
import org.readerpass.adminui.livepolicy.PolicyChanges;
import org.readerpass.ldapsync.lease.SyncLease;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * What several nodes share through Redis: policy changes ({@code readerpass.policy.changes=redis},
 * pub/sub) and the sync lease ({@code readerpass.directory.lease=redis}); in memory on one node
 * (the embedded default).
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean
	@ConditionalOnProperty(name = "readerpass.policy.changes", havingValue = "redis")
	PolicyChanges redisPolicyChanges(RedisConnectionFactory connections,
			@Value("${readerpass.redis.key-prefix:readerpass:}") String keyPrefix) {
		return new RedisPolicyChanges(connections, keyPrefix + "policy-changes");
	}

	@Bean
	@ConditionalOnProperty(name = "readerpass.policy.changes", havingValue = "local", matchIfMissing = true)
	PolicyChanges localPolicyChanges() {
		return new LocalPolicyChanges();
	}

	/** One library's sync on one node at a time across nodes ({@code readerpass.directory.lease=redis}). */
	@Bean
	@ConditionalOnProperty(name = "readerpass.directory.lease", havingValue = "redis")
	SyncLease redisSyncLease(RedisConnectionFactory connections,
			@Value("${readerpass.redis.key-prefix:readerpass:}") String keyPrefix) {
		return new RedisSyncLease(connections, keyPrefix);
	}

}

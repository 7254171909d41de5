package org.readerpass.authserver.redis;

import org.readerpass.adminui.policy.LocalPolicyChanges;
import org.readerpass.adminui.policy.PolicyChanges;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * How policy changes travel: in memory on one node (the embedded default), Redis pub/sub across
 * several ({@code readerpass.policy.changes=redis}).
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

}

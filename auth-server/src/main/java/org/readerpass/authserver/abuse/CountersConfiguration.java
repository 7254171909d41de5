package org.readerpass.authserver.abuse;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Where the counts live: Redis, shared by every node, with {@code readerpass.stores=redis}; this
 * node's memory otherwise (the embedded default).
 */
@Configuration(proxyBeanMethods = false)
class CountersConfiguration {

	@Bean
	@ConditionalOnProperty(name = "readerpass.stores", havingValue = "redis")
	Counters redisCounters(RedisConnectionFactory connections,
			@Value("${readerpass.redis.key-prefix:readerpass:}") String keyPrefix, Clock clock) {
		return new RedisCounters(connections, keyPrefix, clock);
	}

	@Bean
	@ConditionalOnExpression("'${readerpass.stores:memory}' != 'redis'")
	Counters inMemoryCounters(Clock clock) {
		return new InMemoryCounters(clock);
	}

}

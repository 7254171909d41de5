package org.readerpass.authserver.abuse;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class CountersConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(CountersConfiguration.class)
		.withBean(Clock.class, Clock::systemUTC);

	@Test
	void countersWhenNoStoreConfiguredOrMemoryThenInMemory() {
		this.contexts.run(context -> assertThat(context).getBean(Counters.class).isInstanceOf(InMemoryCounters.class));
		this.contexts.withPropertyValues("readerpass.stores=memory")
			.run(context -> assertThat(context).getBean(Counters.class).isInstanceOf(InMemoryCounters.class));
	}

	@Test
	void countersWhenStoresRedisThenRedisUnderTheConfiguredKeyPrefix() {
		LettuceConnectionFactory connections = TestRedis.connect();
		String prefix = TestRedis.uniquePrefix();
		try {
			this.contexts.withBean(RedisConnectionFactory.class, () -> connections)
				.withPropertyValues("readerpass.stores=redis", "readerpass.redis.key-prefix=" + prefix)
				.run(context -> {
					Counters counters = context.getBean(Counters.class);
					assertThat(counters).isInstanceOf(RedisCounters.class);
					counters.count("wired", Duration.ofMinutes(1));
					assertThat(new RedisCounters(connections, prefix, Clock.systemUTC()).forget("wired"))
						.as("under the configured prefix, removed").isTrue();
				});
		}
		finally {
			connections.destroy();
		}
	}

}

package org.readerpass.authserver.health;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code redis} component: the real check (the machine's Redis) only where Redis holds the
 * stores; a node without it is never DOWN for it.
 */
class RedisHealthTests {

	@Test
	void redisHealthWhenStoresInRedisAndRedisAnswersThenUp() {
		LettuceConnectionFactory redis = TestRedis.connect();
		try {
			assertThat(redisHealth("redis", redis).health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			redis.destroy();
		}
	}

	@Test
	void redisHealthWhenStoresInRedisAndNoRedisThereThenDown() {
		LettuceConnectionFactory nowhere = nowhere();
		try {
			assertThat(redisHealth("redis", nowhere).health().getStatus()).isEqualTo(Status.DOWN);
		}
		finally {
			nowhere.destroy();
		}
	}

	@Test
	void redisHealthWhenStoresNotInRedisThenUnknownWithoutAskingRedis() {
		LettuceConnectionFactory nowhere = nowhere();
		try {
			assertThat(redisHealth(null, nowhere).health().getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(redisHealth("memory", nowhere).health().getStatus()).isEqualTo(Status.UNKNOWN);
		}
		finally {
			nowhere.destroy();
		}
	}

	private static HealthIndicator redisHealth(String stores, RedisConnectionFactory factory) {
		MockEnvironment environment = new MockEnvironment();
		if (stores != null) {
			environment.setProperty("readerpass.stores", stores);
		}
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("redisConnectionFactory", factory);
		return new HealthConfiguration().redisHealthContributor(environment,
				beans.getBeanProvider(RedisConnectionFactory.class));
	}

	/** A Redis on a loopback port nothing listens on. */
	private static LettuceConnectionFactory nowhere() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}

package org.readerpass.authserver.authorization;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code readerpass.stores} chooses the store; nothing connects to Redis at start-up. */
class AuthorizationStoreConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(AuthorizationStoreConfiguration.class)
		.withBean(Clock.class, Clock::systemUTC)
		// the encoder comes from keys.KeysConfiguration; these tests never sign
		.withBean(JwtEncoder.class, () -> (parameters) -> {
			throw new UnsupportedOperationException("not signing here");
		})
		.withBean(OAuth2TokenCustomizer.class, () -> context -> {
		})
		.withBean(RedisConnectionFactory.class, LettuceConnectionFactory::new);

	@Test
	void authorizationStoreWhenStoresUnsetThenInMemory() {
		this.contexts.run(context -> assertThat(context).getBean(AuthorizationStore.class)
			.isInstanceOf(InMemoryAuthorizationStore.class));
	}

	@Test
	void authorizationStoreWhenStoresMemoryThenInMemory() {
		this.contexts.withPropertyValues("readerpass.stores=memory")
			.run(context -> assertThat(context).getBean(AuthorizationStore.class)
				.isInstanceOf(InMemoryAuthorizationStore.class));
	}

	@Test
	void authorizationStoreWhenStoresRedisThenRedisReadOncePerRequest() {
		this.contexts.withPropertyValues("readerpass.stores=redis")
			.run(context -> assertThat(context).getBean(AuthorizationStore.class)
				.isInstanceOfSatisfying(RequestMemo.class,
						memo -> assertThat(memo.store()).isInstanceOf(RedisAuthorizationStore.class)));
	}

	@Test
	void startWhenStoresUnknownThenFails() {
		this.contexts.withPropertyValues("readerpass.stores=mongo")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(AuthorizationStore.class.getName()));
	}

}

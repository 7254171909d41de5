package org.readerpass.authserver.session;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code readerpass.sessions.store=redis} puts {@link RedisSessionStore} behind Spring Session's
 * {@link SessionRepositoryFilter}, registered and configured by Spring Boot as before; without it
 * there is no Spring Session at all (the container's sessions). Nothing connects to Redis at
 * start-up.
 */
class RedisSessionConfigurationTests {

	/** Without a servlet context: Spring Boot configures sessions as for its embedded server, not a WAR. */
	private final WebApplicationContextRunner contexts = new WebApplicationContextRunner(AnnotationConfigServletWebApplicationContext::new)
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, SessionAutoConfiguration.class))
		.withUserConfiguration(RedisSessionConfiguration.class, BoundAsTheApplicationBindsIt.class);

	@Test
	void sessionRepositoryWhenSessionsUnsetThenNoSpringSession() {
		this.contexts.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(SessionRepository.class);
			assertThat(context).doesNotHaveBean(SessionRepositoryFilter.class);
		});
	}

	@Test
	void sessionRepositoryWhenSessionsRedisThenTheStoreBehindTheFilterWithBootsSettings() {
		String namespace = "readerpass-test:" + UUID.randomUUID() + ":session";
		this.contexts
			.withPropertyValues("readerpass.sessions.store=redis", "server.servlet.session.timeout=45m",
					"spring.session.data.redis.namespace=" + namespace)
			.run(context -> {
				assertThat(context).getBean(SessionRepository.class).isInstanceOf(RedisSessionStore.class);
				assertThat(context).hasSingleBean(SessionRepositoryFilter.class);
				assertThat(context).hasSingleBean(DelegatingFilterProxyRegistrationBean.class);
				RedisSessionStore store = context.getBean(RedisSessionStore.class);
				assertThat(store.createSession().getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(45));
			});
	}

	@Test
	void sessionRepositoryWhenBootsRedisSessionAutoConfigurationTooThenItBacksOff() {
		this.contexts.withConfiguration(AutoConfigurations.of(SessionDataRedisAutoConfiguration.class))
			.withPropertyValues("readerpass.sessions.store=redis")
			.run(context -> assertThat(context).getBean(SessionRepository.class)
				.isInstanceOf(RedisSessionStore.class));
	}

	@Test
	void startWhenSessionsStoreUnknownThenFailsNamingTheKey() {
		this.contexts.withPropertyValues("readerpass.sessions.store=reddis")
			.run(context -> assertThat(context).getFailure()
				.hasStackTraceContaining("readerpass.sessions.store")
				.hasStackTraceContaining("reddis"));
	}

	@Test
	void startWhenIndexedRepositoryTypeThenFailsNamingTheKey() {
		this.contexts.withPropertyValues("readerpass.sessions.store=redis", "spring.session.data.redis.repository-type=indexed")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("spring.session.data.redis.repository-type"));
	}

	/** As {@code @ConfigurationPropertiesScan} binds it in the application. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SessionStoreProperties.class)
	static class BoundAsTheApplicationBindsIt {

	}

}

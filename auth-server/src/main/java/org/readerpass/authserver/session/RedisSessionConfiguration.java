package org.readerpass.authserver.session;

import java.time.Duration;

import org.readerpass.authserver.authorization.CompactForm;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisProperties;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisProperties.RepositoryType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.session.MapSession;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * SSO sessions in Redis ({@code readerpass.sessions.store=redis}, set by the production profile):
 * {@link RedisSessionStore} in place of the stock {@code RedisSessionRepository} that Spring Boot's
 * {@code SessionDataRedisAutoConfiguration} would make (that auto-configuration stays excluded, in
 * every profile). Everything else is Spring Session's and Spring Boot's as before:
 * {@code SessionRepositoryFilter} ({@link EnableSpringHttpSession}), registered by Boot's
 * {@code SessionAutoConfiguration} with its cookie settings ({@code server.servlet.session.cookie.*});
 * the timeout from {@code spring.session.timeout} or {@code server.servlet.session.timeout}; the
 * namespace, save mode and flush mode from {@code spring.session.data.redis.*}; the values' format
 * from {@code readerpass.redis.session-format} ({@code compact}, the default, or {@code java}). With
 * {@code memory} (the default) sessions are the servlet container's (the embedded default).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "readerpass.sessions.store", havingValue = "redis")
@EnableSpringHttpSession
@EnableConfigurationProperties(SessionDataRedisProperties.class)
class RedisSessionConfiguration {

	@Bean
	RedisSessionStore sessionRepository(RedisConnectionFactory connections, SessionDataRedisProperties properties,
			SessionTimeout timeout, @Value("${readerpass.redis.session-format:compact}") String format,
			ObjectProvider<CompactForm<?>> forms) {
		if (properties.getRepositoryType() != RepositoryType.DEFAULT) {
			throw new InvalidConfigurationPropertyValueException("spring.session.data.redis.repository-type",
					properties.getRepositoryType(), "ReaderPass keeps sessions as the 'default' repository does "
							+ "(one hash per session, no indexes); 'indexed' is not supported");
		}
		if (properties.getCleanupCron() != null) {
			throw new InvalidConfigurationPropertyValueException("spring.session.data.redis.cleanup-cron",
					properties.getCleanupCron(), "Sessions expire by their keys' TTL; there is nothing to clean up");
		}
		Duration configured = timeout.getTimeout();
		return new RedisSessionStore(connections, properties.getNamespace(),
				(configured != null) ? configured : MapSession.DEFAULT_MAX_INACTIVE_INTERVAL, properties.getSaveMode(),
				properties.getFlushMode(), new SessionValues(RedisSessionStore.class.getClassLoader(),
						SessionValues.Format.of(format), forms.orderedStream().toList()));
	}

}

package org.readerpass.authserver.authorization;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The {@link AuthorizationStore}: in this node's memory (the embedded default,
 * {@code readerpass.stores=memory}) or in Redis, shared by every node ({@code readerpass.stores=redis},
 * keys under {@code readerpass.redis.key-prefix}); swept for expired entries every minute. And the
 * token generator whose refresh tokens name their family ({@link FamilyRefreshTokens}).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationStoreConfiguration.class);

	@Bean
	@ConditionalOnProperty(name = "readerpass.stores", havingValue = "memory", matchIfMissing = true)
	InMemoryAuthorizationStore authorizationStore(Clock clock) {
		return new InMemoryAuthorizationStore(clock);
	}

	@Bean
	@ConditionalOnProperty(name = "readerpass.stores", havingValue = "redis")
	AuthorizationStore redisAuthorizationStore(RedisConnectionFactory connections,
			@Value("${readerpass.redis.key-prefix:readerpass:}") String keyPrefix,
			@Value("${readerpass.redis.authorization-format:compact}") String format, Clock clock,
			ObjectProvider<CompactForm<?>> forms) {
		return new RequestMemo(new RedisAuthorizationStore(connections, keyPrefix, clock,
				new AuthorizationCodec(writtenFormat(format), clock, forms.orderedStream().toList())));
	}

	/**
	 * The format new authorizations are written in: {@code compact} (the default) or {@code java}
	 * (Java serialization, which every release reads: for a rolling upgrade from a release before
	 * 2026-12-05, then switched back once no older node runs). Every node reads both.
	 */
	static byte writtenFormat(String format) {
		return switch (format.trim().toLowerCase(Locale.ROOT)) {
			case "compact" -> AuthorizationCodec.COMPACT;
			case "java" -> AuthorizationCodec.JAVA_SERIALIZATION;
			default -> throw new IllegalStateException(
					"readerpass.redis.authorization-format must be compact or java, not '" + format + "'");
		};
	}

	@Bean
	DisposableBean authorizationSweeper(AuthorizationStore authorizations) {
		ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "authorization-sweeper");
			thread.setDaemon(true);
			return thread;
		});
		sweeper.scheduleWithFixedDelay(() -> {
			int evicted = authorizations.evictExpired();
			if (evicted > 0) {
				log.debug("Evicted expired authorizations count={}", evicted);
			}
		}, 1, 1, TimeUnit.MINUTES);
		return sweeper::shutdownNow;
	}

	@Bean
	OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder jwtEncoder, OAuth2TokenCustomizer<JwtEncodingContext> customizer,
			Clock clock) {
		JwtGenerator jwts = new JwtGenerator(jwtEncoder);
		jwts.setJwtCustomizer(customizer);
		jwts.setClock(clock);
		return new DelegatingOAuth2TokenGenerator(jwts, new FamilyRefreshTokens(clock));
	}

}

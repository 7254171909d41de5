package org.readerpass.authserver.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.readerpass.ldapsync.connector.DirectoryConnectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The health components beside Spring Boot's own ({@code db}, {@code livenessState},
 * {@code readinessState}): {@code directories} (one per library) and {@code redis}. The groups —
 * liveness the application alone, readiness the database and Redis — are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	/** The value of {@code readerpass.stores} that puts sessions and authorizations in Redis. */
	static final String REDIS_STORES = "redis";

	/** Daemon threads for directory probes: at most one per library at a time. */
	@Bean(destroyMethod = "close")
	SimpleAsyncTaskExecutor directoryHealthExecutor() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("directory-health-");
		executor.setDaemon(true);
		return executor;
	}

	/** Component {@code directories}, with one component per library. */
	@Bean
	HealthContributor directoriesHealthContributor(DirectoryConnectors connectors, HealthProperties properties,
			SimpleAsyncTaskExecutor directoryHealthExecutor, Clock clock) {
		Map<String, LibraryDirectoryHealth> libraries = new LinkedHashMap<>();
		for (String library : connectors.libraries()) {
			connectors.healthProbe(library)
				.ifPresent((probe) -> libraries.put(library, new LibraryDirectoryHealth(library, probe,
						directoryHealthExecutor, clock, properties.directoryCacheTtl(), properties.directoryTimeout())));
		}
		return new DirectoryHealth(libraries);
	}

	/**
	 * Component {@code redis} (in place of Spring Boot's, which would be DOWN on every node without
	 * Redis): Spring Boot's check when {@code readerpass.stores=redis}, else UNKNOWN, which counts
	 * for nothing in the readiness group — the embedded default uses no Redis.
	 */
	@Bean
	HealthIndicator redisHealthContributor(Environment environment, ObjectProvider<RedisConnectionFactory> redis) {
		if (REDIS_STORES.equals(environment.getProperty("readerpass.stores"))) {
			return new DataRedisHealthIndicator(redis.getObject());
		}
		Health unused = Health.unknown().withDetail("used", false).build();
		return () -> unused;
	}

}

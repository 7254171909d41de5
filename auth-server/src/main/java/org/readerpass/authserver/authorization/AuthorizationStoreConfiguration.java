package org.readerpass.authserver.authorization;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded default's authorization store, swept for expired authorizations every minute. */
@Configuration(proxyBeanMethods = false)
class AuthorizationStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationStoreConfiguration.class);

	@Bean
	IndexedInMemoryAuthorizationService authorizationService(Clock clock) {
		return new IndexedInMemoryAuthorizationService(clock);
	}

	@Bean
	DisposableBean authorizationSweeper(IndexedInMemoryAuthorizationService authorizations) {
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

}

package org.readerpass.authserver.availability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What the server does while PostgreSQL or Redis is gone: answers {@code 503} at once
 * ({@link ServiceUnavailableFilter}) instead of queueing requests behind a dead connection, and
 * comes back within about a second of the store's return.
 */
@Configuration(proxyBeanMethods = false)
class AvailabilityConfiguration {

	@Bean
	FilterRegistrationBean<ServiceUnavailableFilter> serviceUnavailableFilter() {
		FilterRegistrationBean<ServiceUnavailableFilter> registration = new FilterRegistrationBean<>(
				new ServiceUnavailableFilter());
		// Outside every other filter, the session filter (Redis) included
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * While Redis is unreachable, commands fail at once (a {@code 503}) instead of waiting in
	 * Lettuce's queue for the command timeout.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/** Reconnects within a second of Redis coming back (Lettuce's default backs off to 30 s). */
	@Bean
	ClientResourcesBuilderCustomizer reconnectSoon() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
	}

}

package org.readerpass.authserver.abuse;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.readerpass.authserver.audit.SecurityEvents;
import org.readerpass.authserver.network.ClientAddresses;
import org.readerpass.ldapsync.directory.DirectoryProperties;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Brute force and rate limits ({@code readerpass.abuse}): the login throttle and the two rate
 * filters of the protocol endpoints, on the counters of {@link CountersConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@Import(CountersConfiguration.class)
class AbuseConfiguration {

	@Bean
	LoginThrottle loginThrottle(Counters counters, AbuseProperties properties, DirectoryProperties directories,
			SecurityEvents events, MeterRegistry meters, Clock clock) {
		return new LoginThrottle(counters, properties, new AccountReferences(directories.identityHmacKey()),
				new LockEvents(events, meters), clock);
	}

	/** Per address at the token and device authorization endpoints, just before Spring Security. */
	@Bean
	FilterRegistrationBean<AddressRateLimitFilter> addressRateLimitFilter(Counters counters,
			ClientAddresses addresses, AuthorizationServerSettings settings, AbuseProperties properties, Clock clock) {
		AbuseProperties.Rates rates = properties.rates();
		AddressRateLimitFilter filter = new AddressRateLimitFilter(addresses, clock,
				new AddressRateLimitFilter.Limit(settings.getTokenEndpoint(),
						new Rate(counters, clock, "token", "address", rates.tokenPerAddress(), rates.tokenWindow())),
				new AddressRateLimitFilter.Limit(settings.getDeviceAuthorizationEndpoint(),
						new Rate(counters, clock, "device_authorization", "address", rates.deviceAuthorization(),
								rates.deviceAuthorizationWindow())));
		FilterRegistrationBean<AddressRateLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	/** Per client at the token endpoint; used inside the protocol filter chain only. */
	@Bean
	ClientRateLimitFilter clientRateLimitFilter(Counters counters, AuthorizationServerSettings settings,
			AbuseProperties properties, Clock clock) {
		return new ClientRateLimitFilter(clock,
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, settings.getTokenEndpoint()),
				new Rate(counters, clock, "token", "client", properties.rates().tokenPerClient(),
						properties.rates().tokenWindow()));
	}

	/** Not a servlet filter of its own: it runs in the protocol chain, after client authentication. */
	@Bean
	FilterRegistrationBean<ClientRateLimitFilter> clientRateLimitFilterOutsideTheChain(ClientRateLimitFilter filter) {
		FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}

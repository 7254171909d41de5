package org.readerpass.authserver.device;

import java.time.Clock;

import org.readerpass.authserver.abuse.Counters;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

@Configuration(proxyBeanMethods = false)
class DeviceConfiguration {

	@Bean
	DeviceGrant deviceGrant(DeviceProperties properties, RegisteredClientRepository clients,
			OAuth2AuthorizationService authorizations, AuthorizationServerSettings settings, Clock clock,
			Counters counters) {
		return new DeviceGrant(properties, clients, authorizations, settings, clock, counters);
	}

	@Bean
	DeviceVerification deviceVerification(OAuth2AuthorizationService authorizations,
			RegisteredClientRepository clients) {
		return new DeviceVerification(authorizations, clients);
	}

	@Bean
	WrongCodeAttempts wrongCodeAttempts(DeviceProperties properties, Clock clock, Counters counters) {
		return new WrongCodeAttempts(properties.wrongCodes(), clock, counters);
	}

}

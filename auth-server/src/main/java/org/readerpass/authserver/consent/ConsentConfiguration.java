package org.readerpass.authserver.consent;

import org.readerpass.authserver.audit.SecurityEvents;
import org.readerpass.authserver.authorization.AuthorizationStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Consents to third-party apps: durable (in the server's database), audited, withdrawable. */
@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc, RegisteredClientRepository clients,
			SecurityEvents events) {
		return new AuditedConsents(new JdbcOAuth2AuthorizationConsentService(jdbc, clients), clients, events);
	}

	@Bean
	ReaderConsents readerConsents(JdbcClient jdbc, OAuth2AuthorizationConsentService consents,
			RegisteredClientRepository clients, AuthorizationStore authorizations) {
		return new ReaderConsents(jdbc, consents, clients, authorizations);
	}

}

package org.readerpass.authserver.consent;

import java.util.Map;
import java.util.TreeSet;

import org.readerpass.authserver.audit.SecurityEvent;
import org.readerpass.authserver.audit.SecurityEvents;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Consents as the stock store keeps them (durably, per reader and app), each one given or withdrawn
 * written to the security audit log ({@value #GIVEN_EVENT}, {@value #WITHDRAWN_EVENT}).
 */
final class AuditedConsents implements OAuth2AuthorizationConsentService {

	static final String GIVEN_EVENT = "consent.given";

	static final String WITHDRAWN_EVENT = "consent.withdrawn";

	private final OAuth2AuthorizationConsentService delegate;

	private final RegisteredClientRepository clients;

	private final SecurityEvents events;

	AuditedConsents(OAuth2AuthorizationConsentService delegate, RegisteredClientRepository clients,
			SecurityEvents events) {
		this.delegate = delegate;
		this.clients = clients;
		this.events = events;
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		this.delegate.save(consent);
		record(GIVEN_EVENT, consent);
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		this.delegate.remove(consent);
		record(WITHDRAWN_EVENT, consent);
	}

	@Override
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		return this.delegate.findById(registeredClientId, principalName);
	}

	private void record(String type, OAuth2AuthorizationConsent consent) {
		RegisteredClient client = this.clients.findById(consent.getRegisteredClientId());
		String clientId = (client != null) ? client.getClientId() : consent.getRegisteredClientId();
		this.events.record(new SecurityEvent(type, clientId, consent.getPrincipalName(),
				Map.of("scopes", String.join(" ", new TreeSet<>(consent.getScopes())))));
	}

}

package org.readerpass.authserver.consent;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The consents as the protocol endpoints read them: a reader's consent to an app that asks for
 * none (a library's own app) is not looked up. The framework's authorization and device
 * verification providers read the consent of every request before they ask whether the app needs
 * one, and need none when it does not: for every login to a library's app that was a query to the
 * server's database for nothing. Consents are still saved and removed as before; the reader's
 * page and the consent page read them without this.
 */
public final class ConsentsWhereRequired implements OAuth2AuthorizationConsentService {

	private final OAuth2AuthorizationConsentService consents;

	private final RegisteredClientRepository clients;

	public ConsentsWhereRequired(OAuth2AuthorizationConsentService consents, RegisteredClientRepository clients) {
		this.consents = consents;
		this.clients = clients;
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		this.consents.save(consent);
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		this.consents.remove(consent);
	}

	@Override
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		RegisteredClient client = this.clients.findById(registeredClientId);
		if (client != null && !client.getClientSettings().isRequireAuthorizationConsent()) {
			return null;
		}
		return this.consents.findById(registeredClientId, principalName);
	}

}

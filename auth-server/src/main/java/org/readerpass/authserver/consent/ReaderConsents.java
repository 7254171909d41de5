package org.readerpass.authserver.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.readerpass.authserver.authorization.AuthorizationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * A reader's consents, as the reader manages them: which apps they allowed which data, and
 * withdrawing one — which revokes every token that app holds for the reader (its sign-ins end, its
 * refresh tokens stop working) and asks again at the app's next sign-in.
 */
public final class ReaderConsents {

	private static final Logger log = LoggerFactory.getLogger(ReaderConsents.class);

	/** One app a reader allowed, with the scopes allowed. */
	public record AllowedApp(RegisteredClient client, Set<String> scopes) {
	}

	private final JdbcClient jdbc;

	private final OAuth2AuthorizationConsentService consents;

	private final RegisteredClientRepository clients;

	private final AuthorizationStore authorizations;

	ReaderConsents(JdbcClient jdbc, OAuth2AuthorizationConsentService consents, RegisteredClientRepository clients,
			AuthorizationStore authorizations) {
		this.jdbc = jdbc;
		this.consents = consents;
		this.clients = clients;
		this.authorizations = authorizations;
	}

	/** The apps this reader allowed, in registration-id order. */
	public List<AllowedApp> allowedApps(String principalName) {
		List<String> clientIds = this.jdbc
			.sql("select registered_client_id from oauth2_authorization_consent where principal_name = :principal "
					+ "order by registered_client_id")
			.param("principal", principalName)
			.query(String.class)
			.list();
		List<AllowedApp> apps = new ArrayList<>();
		for (String id : clientIds) {
			RegisteredClient client = this.clients.findById(id);
			OAuth2AuthorizationConsent consent = this.consents.findById(id, principalName);
			if (client != null && consent != null) {
				apps.add(new AllowedApp(client, consent.getScopes()));
			}
		}
		return apps;
	}

	/**
	 * Withdraws the reader's consent to one app and revokes every token the app holds for the reader.
	 * @return whether there was a consent to withdraw
	 */
	public boolean withdraw(String principalName, String registeredClientId) {
		if (registeredClientId == null || registeredClientId.isBlank()) {
			return false;
		}
		OAuth2AuthorizationConsent consent = this.consents.findById(registeredClientId, principalName);
		if (consent == null) {
			return false;
		}
		this.consents.remove(consent);
		int revoked = this.authorizations.revokeClientOfReader(principalName, registeredClientId).size();
		log.info("Consent withdrawn client={} authorizationsRevoked={}", registeredClientId, revoked);
		return true;
	}

}

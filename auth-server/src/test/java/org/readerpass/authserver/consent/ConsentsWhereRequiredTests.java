package org.readerpass.authserver.consent;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** A consent is looked up only for an app that asks for one. */
class ConsentsWhereRequiredTests {

	private final RegisteredClient ownApp = client("own-app", false);

	private final RegisteredClient thirdParty = client("third-party", true);

	private final AtomicInteger lookups = new AtomicInteger();

	private final InMemoryOAuth2AuthorizationConsentService stored = new InMemoryOAuth2AuthorizationConsentService();

	private final OAuth2AuthorizationConsentService counted = new OAuth2AuthorizationConsentService() {

		@Override
		public void save(OAuth2AuthorizationConsent consent) {
			ConsentsWhereRequiredTests.this.stored.save(consent);
		}

		@Override
		public void remove(OAuth2AuthorizationConsent consent) {
			ConsentsWhereRequiredTests.this.stored.remove(consent);
		}

		@Override
		public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
			ConsentsWhereRequiredTests.this.lookups.incrementAndGet();
			return ConsentsWhereRequiredTests.this.stored.findById(registeredClientId, principalName);
		}

	};

	private final ConsentsWhereRequired consents = new ConsentsWhereRequired(this.counted,
			new InMemoryRegisteredClientRepository(this.ownApp, this.thirdParty));

	@Test
	void findByIdWhenTheAppAsksForConsentThenTheStoredOne() {
		this.consents.save(consent(this.thirdParty));

		assertThat(this.consents.findById(this.thirdParty.getId(), "reader-1").getScopes()).containsExactly("profile");
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void findByIdWhenTheAppAsksForNoConsentThenNoneAndNoLookup() {
		this.consents.save(consent(this.ownApp));

		assertThat(this.consents.findById(this.ownApp.getId(), "reader-1")).isNull();
		assertThat(this.lookups).hasValue(0);
		assertThat(this.stored.findById(this.ownApp.getId(), "reader-1")).as("still stored").isNotNull();
	}

	@Test
	void findByIdWhenTheAppIsUnknownThenTheStoreDecides() {
		assertThat(this.consents.findById("gone", "reader-1")).isNull();
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void removeWhenAnyAppThenRemovedFromTheStore() {
		OAuth2AuthorizationConsent consent = consent(this.ownApp);
		this.consents.save(consent);

		this.consents.remove(consent);

		assertThat(this.stored.findById(this.ownApp.getId(), "reader-1")).isNull();
	}

	private static OAuth2AuthorizationConsent consent(RegisteredClient client) {
		return OAuth2AuthorizationConsent.withId(client.getId(), "reader-1").scope("profile").build();
	}

	private static RegisteredClient client(String id, boolean requireConsent) {
		return RegisteredClient.withId(id)
			.clientId(id)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://app.example/callback")
			.scope("openid")
			.scope("profile")
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(requireConsent).requireProofKey(true).build())
			.build();
	}

}

package org.readerpass.authserver.client;

import java.util.ArrayList;
import java.util.List;

import org.readerpass.authserver.client.ClientProperties.ClientType;
import org.readerpass.authserver.client.ClientProperties.Registration;
import org.readerpass.authserver.keys.KeyProperties;
import org.readerpass.authserver.resource.ResourceAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Registers the clients of {@code readerpass.clients}, checking each one's shape at start-up. */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

	@Bean
	ClientSecretHasher clientSecretHasher() {
		return new ClientSecretHasher();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(ClientProperties properties, KeyProperties keys) {
		List<String> problems = new ArrayList<>();
		List<RegisteredClient> clients = new ArrayList<>();
		for (int i = 0; i < properties.registrations().size(); i++) {
			Registration registration = properties.registrations().get(i);
			String key = "readerpass.clients.registrations[" + i + "] (" + registration.clientId() + ")";
			problems.addAll(ClientRules.check(key, registration));
			problems.addAll(ClientRules.checkTokenLifetime(key, registration, keys.rotation().longestTokenLifetime()));
			if (problems.isEmpty()) {
				clients.add(toRegisteredClient(registration));
			}
		}
		if (clients.stream().map(RegisteredClient::getClientId).distinct().count() != clients.size()) {
			problems.add("readerpass.clients.registrations: client ids must be unique");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid client registrations: " + String.join("; ", problems));
		}
		if (clients.isEmpty()) {
			throw new IllegalStateException("readerpass.clients.registrations: no client is registered");
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	private static RegisteredClient toRegisteredClient(Registration registration) {
		RegisteredClient.Builder builder = RegisteredClient.withId(registration.clientId())
			.clientId(registration.clientId())
			.clientName(registration.name())
			.scopes(scopes -> scopes.addAll(registration.scopes()))
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(registration.accessTokenTtl())
				.idTokenSignatureAlgorithm(ClientRules.idTokenAlgorithm(registration))
				.build());
		registration.redirectUris().forEach(uri -> builder.redirectUri(uri.toString()));
		ClientType type = registration.type();
		switch (type) {
			case WEB -> builder.clientSecret(registration.secretHash())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
			case NATIVE -> builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE);
			case SERVICE -> builder.clientSecret(registration.secretHash())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
		}
		// PKCE is required for every public client; confidential web apps may use it too.
		builder.clientSettings(ClientSettings.builder()
			.requireProofKey(type == ClientType.NATIVE)
			.requireAuthorizationConsent(false)
			.setting(ResourceAccess.CLIENT_RESOURCES_SETTING, registration.resources())
			.build());
		return builder.build();
	}

}

package org.readerpass.authserver.client;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.readerpass.authserver.authorization.FamilyRefreshTokens;
import org.readerpass.authserver.client.ClientProperties.AuthMethod;
import org.readerpass.authserver.client.ClientProperties.ClientParty;
import org.readerpass.authserver.client.ClientProperties.ClientType;
import org.readerpass.authserver.client.ClientProperties.RefreshTokenLifetime;
import org.readerpass.authserver.client.ClientProperties.Registration;
import org.readerpass.authserver.issuer.IssuerProperties;
import org.readerpass.authserver.keys.KeyProperties;
import org.readerpass.authserver.resource.ResourceAccess;
import org.readerpass.authserver.subject.PairwiseSubjects;
import org.readerpass.policy.network.LibraryTree;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
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

	/** Used assertion ids in this node's memory (one node, {@code readerpass.stores=memory}). */
	@Bean
	@ConditionalOnProperty(name = "readerpass.stores", havingValue = "memory", matchIfMissing = true)
	AssertionReplayStore assertionReplayStore(ClientProperties properties, Clock clock) {
		return new InMemoryAssertionReplayStore(properties.assertion().replayCacheSize(), clock);
	}

	/** Used assertion ids shared by every node ({@code readerpass.stores=redis}). */
	@Bean
	@ConditionalOnProperty(name = "readerpass.stores", havingValue = "redis")
	AssertionReplayStore redisAssertionReplayStore(RedisConnectionFactory connections,
			@Value("${readerpass.redis.key-prefix:readerpass:}") String keyPrefix, Clock clock) {
		return new RedisAssertionReplayStore(connections, keyPrefix, clock);
	}

	/**
	 * Client assertions ({@code private_key_jwt}) name this server in {@code aud} as its configured
	 * issuer or token endpoint URL, never as a request's {@code Host}.
	 */
	@Bean
	ClientAssertionDecoders clientAssertionDecoders(ClientProperties properties, IssuerProperties issuer,
			AuthorizationServerSettings settings, AssertionReplayStore replays, Clock clock) {
		return new ClientAssertionDecoders(List.of(issuer.value(), issuer.value() + settings.getTokenEndpoint()),
				properties.assertion().maxLifetime(), properties.jwksFetch(), replays, clock);
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(ClientProperties properties, KeyProperties keys,
			LibraryTree libraries, PairwiseSubjects pairwiseSubjects) {
		List<String> problems = new ArrayList<>();
		List<RegisteredClient> clients = new ArrayList<>();
		for (int i = 0; i < properties.registrations().size(); i++) {
			Registration registration = properties.registrations().get(i);
			String key = "readerpass.clients.registrations[" + i + "] (" + registration.clientId() + ")";
			problems.addAll(ClientRules.check(key, registration, properties.allowLoopbackJwksUri()));
			if (registration.library() != null && libraries.find(registration.library()).isEmpty()) {
				problems.add(key + ".library: '" + registration.library() + "' is not a library of the network");
			}
			problems.addAll(ClientRules.checkTokenLifetime(key, registration, keys.rotation().longestTokenLifetime()));
			if (problems.isEmpty()) {
				clients.add(toRegisteredClient(registration, properties));
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
		if (properties.registrations().stream().anyMatch(registration -> ClientRules.sector(registration) != null)) {
			pairwiseSubjects.loadKey(); // at start-up, not at the first sign-in
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	private static RegisteredClient toRegisteredClient(Registration registration, ClientProperties properties) {
		ClientType type = registration.type();
		RefreshTokenLifetime refresh = properties.refreshTokenLifetime(type);
		RegisteredClient.Builder builder = RegisteredClient.withId(registration.clientId())
			.clientId(registration.clientId())
			.clientName(registration.name())
			.scopes(scopes -> scopes.addAll(registration.scopes()))
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(registration.accessTokenTtl())
				.idTokenSignatureAlgorithm(ClientRules.idTokenAlgorithm(registration))
				// rotated on every use; a replay revokes the family (authorization.RefreshRotation)
				.reuseRefreshTokens(false)
				.refreshTokenTimeToLive(refresh.idle())
				.setting(FamilyRefreshTokens.ABSOLUTE_LIFETIME_SETTING, refresh.absolute())
				.build());
		registration.redirectUris().forEach(uri -> builder.redirectUri(uri.toString()));
		registration.postLogoutRedirectUris().forEach(uri -> builder.postLogoutRedirectUri(uri.toString()));
		boolean thirdParty = registration.party() == ClientParty.THIRD_PARTY;
		// PKCE is required for every public client; confidential web apps may use it too.
		ClientSettings.Builder settings = ClientSettings.builder()
			.requireProofKey(type == ClientType.NATIVE)
			// a vendor's app asks the reader first (PIPL Art. 23); the network's own apps do not
			.requireAuthorizationConsent(thirdParty)
			.setting(ClientSettingNames.THIRD_PARTY, thirdParty)
			.setting(ResourceAccess.CLIENT_RESOURCES_SETTING, registration.resources());
		if (registration.operator() != null) {
			settings.setting(ClientSettingNames.OPERATOR, registration.operator());
		}
		if (registration.library() != null) {
			settings.setting(ClientSettingNames.LIBRARY, registration.library());
		}
		if (registration.backchannelLogoutUri() != null) {
			settings.setting(ClientSettingNames.BACKCHANNEL_LOGOUT_URI, registration.backchannelLogoutUri().toString());
		}
		String sector = ClientRules.sector(registration);
		if (sector != null) {
			settings.setting(PairwiseSubjects.SECTOR_SETTING, sector);
		}
		switch (type) {
			case WEB -> authenticate(builder, settings, registration)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
			case NATIVE -> builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
			case SERVICE -> authenticate(builder, settings, registration)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
			case DEVICE -> builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
		}
		return builder.clientSettings(settings.build()).build();
	}

	/** A confidential client: a secret (Basic or in the body), or a signed assertion and its keys. */
	private static RegisteredClient.Builder authenticate(RegisteredClient.Builder builder,
			ClientSettings.Builder settings, Registration registration) {
		if (registration.tokenEndpointAuthMethod() != AuthMethod.PRIVATE_KEY_JWT) {
			return builder.clientSecret(registration.secretHash())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		}
		if (registration.jwksUri() != null) {
			settings.jwkSetUrl(registration.jwksUri().toString());
		}
		else {
			try {
				settings.setting(ClientAssertionDecoders.INLINE_JWKS_SETTING, registration.jwks().toJwkSet().toString());
			}
			catch (ParseException ex) {
				throw new IllegalStateException("checked by ClientRules", ex);
			}
		}
		return builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
	}

}

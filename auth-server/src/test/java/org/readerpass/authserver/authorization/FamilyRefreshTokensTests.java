package org.readerpass.authserver.authorization;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;

import static org.assertj.core.api.Assertions.assertThat;

class FamilyRefreshTokensTests {

	private static final Instant SIGN_IN = Instant.parse("2026-12-04T08:00:00Z");

	private final MutableClock clock = new MutableClock(SIGN_IN);

	private final FamilyRefreshTokens generator = new FamilyRefreshTokens(this.clock);

	private static RegisteredClient client(Duration idle, Duration absolute, AuthorizationGrantType... grants) {
		RegisteredClient.Builder builder = RegisteredClient.withId("app")
			.clientId("app")
			.redirectUri("http://127.0.0.1/cb")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.tokenSettings(TokenSettings.builder()
				.refreshTokenTimeToLive(idle)
				.setting(FamilyRefreshTokens.ABSOLUTE_LIFETIME_SETTING, absolute)
				.build());
		for (AuthorizationGrantType grant : grants) {
			builder.authorizationGrantType(grant);
		}
		return builder.build();
	}

	private OAuth2RefreshToken generate(RegisteredClient client) {
		OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client)
			.id("family-1")
			.principalName("reader")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(new OAuth2AuthorizationCode("code", SIGN_IN, SIGN_IN.plusSeconds(300)))
			.build();
		return this.generator.generate(DefaultOAuth2TokenContext.builder()
			.registeredClient(client)
			.authorization(authorization)
			.tokenType(OAuth2TokenType.REFRESH_TOKEN)
			.build());
	}

	@Test
	void generateWhenFamilyYoungThenIdleLifetimeAndFamilyNamed() {
		OAuth2RefreshToken token = generate(
				client(Duration.ofHours(4), Duration.ofHours(10), AuthorizationGrantType.REFRESH_TOKEN));

		assertThat(token.getExpiresAt()).isEqualTo(SIGN_IN.plus(Duration.ofHours(4)));
		assertThat(FamilyRefreshTokens.authorizationIdOf(token.getTokenValue())).isEqualTo("family-1");
		assertThat(token.getTokenValue().length()).as("256 random bits after the family").isGreaterThan(43);
	}

	@Test
	void generateWhenNearTheAbsoluteLifetimeThenCappedByIt() {
		this.clock.advance(Duration.ofHours(8));

		OAuth2RefreshToken token = generate(
				client(Duration.ofHours(4), Duration.ofHours(10), AuthorizationGrantType.REFRESH_TOKEN));

		assertThat(token.getExpiresAt()).isEqualTo(SIGN_IN.plus(Duration.ofHours(10)));
	}

	@Test
	void generateWhenClientMayNotRefreshThenNone() {
		assertThat(generate(client(Duration.ofHours(4), Duration.ofHours(10)))).isNull();
	}

	@Test
	void authorizationIdOfWhenNoFamilyThenNull() {
		assertThat(FamilyRefreshTokens.authorizationIdOf("opaque")).isNull();
		assertThat(FamilyRefreshTokens.authorizationIdOf(".leading")).isNull();
		assertThat(FamilyRefreshTokens.authorizationIdOf(null)).isNull();
	}

}

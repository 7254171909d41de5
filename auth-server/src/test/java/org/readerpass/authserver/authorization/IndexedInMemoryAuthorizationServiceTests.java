package org.readerpass.authserver.authorization;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;

class IndexedInMemoryAuthorizationServiceTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final RegisteredClient CLIENT = RegisteredClient.withId("app")
		.clientId("app")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
		.redirectUri("http://127.0.0.1/cb")
		.build();

	private final MutableClock clock = new MutableClock(NOW);

	private final IndexedInMemoryAuthorizationService service = new IndexedInMemoryAuthorizationService(this.clock);

	private static OAuth2Authorization.Builder authorization(String id, AuthorizationGrantType grantType) {
		return OAuth2Authorization.withRegisteredClient(CLIENT).id(id).principalName("reader").authorizationGrantType(grantType);
	}

	private static OAuth2AccessToken accessToken(String value, Duration ttl) {
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, NOW, NOW.plus(ttl));
	}

	@Test
	void findByTokenWhenStateCodeOrAccessTokenThenFoundWithOrWithoutType() {
		this.service.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, "state-1")
			.token(new OAuth2AuthorizationCode("code-1", NOW, NOW.plusSeconds(300)))
			.token(accessToken("at-1", Duration.ofMinutes(10)))
			.build());
		assertThat(this.service.findByToken("state-1", new OAuth2TokenType(OAuth2ParameterNames.STATE)).getId()).isEqualTo("a1");
		assertThat(this.service.findByToken("code-1", new OAuth2TokenType(OAuth2ParameterNames.CODE)).getId()).isEqualTo("a1");
		assertThat(this.service.findByToken("at-1", OAuth2TokenType.ACCESS_TOKEN).getId()).isEqualTo("a1");
		assertThat(this.service.findByToken("at-1", null).getId()).isEqualTo("a1");
		assertThat(this.service.findByToken("at-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
		assertThat(this.service.findByToken("unknown", null)).isNull();
		assertThat(this.service.findById("a1")).isNotNull();
	}

	@Test
	void saveWhenTokenReplacedThenOldValueNoLongerFindsIt() {
		this.service.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, "state-1")
			.build());
		this.service.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-2", Duration.ofMinutes(10)))
			.build());
		assertThat(this.service.findByToken("state-1", null)).isNull();
		assertThat(this.service.findByToken("at-2", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
	}

	@Test
	void removeWhenSavedThenGoneFromEveryIndex() {
		OAuth2Authorization authorization = authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-1", Duration.ofMinutes(10)))
			.build();
		this.service.save(authorization);
		this.service.remove(authorization);
		assertThat(this.service.findById("a1")).isNull();
		assertThat(this.service.findByToken("at-1", null)).isNull();
	}

	@Test
	void saveWhenClientCredentialsThenNotKept() {
		this.service.save(authorization("cc", AuthorizationGrantType.CLIENT_CREDENTIALS)
			.token(accessToken("service-token", Duration.ofMinutes(10)))
			.build());
		assertThat(this.service.size()).isZero();
		assertThat(this.service.findByToken("service-token", null)).isNull();
	}

	@Test
	void evictExpiredWhenEveryTokenExpiredThenRemovedOthersKept() {
		this.service.save(authorization("short", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-short", Duration.ofMinutes(5)))
			.build());
		this.service.save(authorization("long", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-long", Duration.ofMinutes(60)))
			.build());
		this.service.save(authorization("pending", AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, "consent-state")
			.build());
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.service.evictExpired()).isEqualTo(1);
		this.clock.advance(IndexedInMemoryAuthorizationService.PENDING_TTL);
		assertThat(this.service.evictExpired()).isEqualTo(1);
		assertThat(this.service.findByToken("at-short", null)).isNull();
		assertThat(this.service.findByToken("consent-state", null)).isNull();
		assertThat(this.service.findByToken("at-long", null)).isNotNull();
	}

}

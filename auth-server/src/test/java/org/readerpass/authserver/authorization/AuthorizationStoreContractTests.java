package org.readerpass.authserver.authorization;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link AuthorizationStore} keeps; each store's tests extend this class (in
 * memory, Redis standalone, Redis Cluster).
 */
public abstract class AuthorizationStoreContractTests {

	protected static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final RegisteredClient CLIENT = client("app");

	private static final RegisteredClient OTHER_CLIENT = client("other-app");

	protected final MutableClock clock = new MutableClock(NOW);

	protected AuthorizationStore store;

	/** A new, empty store on this clock. */
	protected abstract AuthorizationStore createStore(Clock clock);

	@BeforeEach
	void createStore() {
		this.store = createStore(this.clock);
	}

	private static RegisteredClient client(String id) {
		return RegisteredClient.withId(id)
			.clientId(id)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.redirectUri("http://127.0.0.1/cb")
			.build();
	}

	/** A signed-in reader of one SSO session. */
	static final class SessionReader extends AbstractAuthenticationToken implements SessionBound {

		private final String name;

		private final String sessionId;

		SessionReader(String name, String sessionId) {
			super(List.of());
			this.name = name;
			this.sessionId = sessionId;
			setAuthenticated(true);
		}

		@Override
		public String sessionId() {
			return this.sessionId;
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return this.name;
		}

		@Override
		public String getName() {
			return this.name;
		}

	}

	protected static OAuth2Authorization.Builder authorization(String id, AuthorizationGrantType grantType) {
		return authorization(id, CLIENT, "reader", "session-1").authorizationGrantType(grantType);
	}

	protected static OAuth2Authorization.Builder authorization(String id, RegisteredClient client, String reader,
			String sessionId) {
		return OAuth2Authorization.withRegisteredClient(client)
			.id(id)
			.principalName(reader)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(Principal.class.getName(), new SessionReader(reader, sessionId));
	}

	protected OAuth2AccessToken accessToken(String value, Duration ttl) {
		Instant now = this.clock.instant();
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now, now.plus(ttl));
	}

	/** The authorization with one more access token, as the token endpoint saves it: claims with a jti. */
	private OAuth2Authorization.Builder withAccessToken(OAuth2Authorization.Builder builder, String jti, Duration ttl) {
		OAuth2AccessToken token = accessToken("at-" + jti, ttl);
		return builder.token(token, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
				Map.of("jti", jti, "exp", token.getExpiresAt())));
	}

	protected OAuth2RefreshToken refreshToken(String authorizationId, String random) {
		Instant now = this.clock.instant();
		return new OAuth2RefreshToken(authorizationId + "." + random, now, now.plus(Duration.ofDays(1)));
	}

	@Test
	void findByTokenWhenStateCodeOrAccessTokenThenFoundWithOrWithoutType() {
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, "state-1")
			.token(new OAuth2AuthorizationCode("code-1", NOW, NOW.plusSeconds(300)))
			.token(accessToken("at-1", Duration.ofMinutes(10)))
			.build());
		assertThat(this.store.findByToken("state-1", new OAuth2TokenType(OAuth2ParameterNames.STATE)).getId()).isEqualTo("a1");
		assertThat(this.store.findByToken("code-1", new OAuth2TokenType(OAuth2ParameterNames.CODE)).getId()).isEqualTo("a1");
		assertThat(this.store.findByToken("at-1", OAuth2TokenType.ACCESS_TOKEN).getId()).isEqualTo("a1");
		assertThat(this.store.findByToken("at-1", null).getId()).isEqualTo("a1");
		assertThat(this.store.findByToken("at-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
		assertThat(this.store.findByToken("unknown", null)).isNull();
		assertThat(this.store.findById("a1")).isNotNull();
	}

	@Test
	void findByTokenWhenFoundThenThePresentedValueIsInWhatItMatched() {
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, "state-1")
			.token(new OAuth2AuthorizationCode("code-1", NOW, NOW.plusSeconds(300)))
			.token(accessToken("at-1", Duration.ofMinutes(10)))
			.token(new OidcIdToken("id-1", NOW, NOW.plusSeconds(600), Map.of("sub", "reader", "sid", "session-1")))
			.refreshToken(refreshToken("a1", "first"))
			.build());
		this.store.save(authorization("d1", AuthorizationGrantType.DEVICE_CODE)
			.token(new OAuth2DeviceCode("device-1", NOW, NOW.plusSeconds(600)))
			.token(new OAuth2UserCode("WDJB-MJHT", NOW, NOW.plusSeconds(600)))
			.build());
		assertThat((String) this.store.findByToken("state-1", new OAuth2TokenType(OAuth2ParameterNames.STATE))
			.getAttribute(OAuth2ParameterNames.STATE)).isEqualTo("state-1");
		for (String value : List.of("code-1", "at-1", "id-1", "a1.first", "device-1", "WDJB-MJHT")) {
			OAuth2Authorization found = this.store.findByToken(value, null);
			assertThat(found).as(value).isNotNull();
			assertThat(found.getToken(value)).as(value).isNotNull();
		}
		assertThat(this.store.findByToken("at-1", OAuth2TokenType.ACCESS_TOKEN).getAccessToken().getToken().getTokenValue())
			.isEqualTo("at-1");
		assertThat(this.store.findByToken("a1.first", OAuth2TokenType.REFRESH_TOKEN).getRefreshToken().getToken()
			.getTokenValue()).isEqualTo("a1.first");
		assertThat(this.store.findByToken("id-1", new OAuth2TokenType(OidcParameterNames.ID_TOKEN))
			.getToken(OidcIdToken.class).getToken().getClaims()).containsEntry("sid", "session-1");
	}

	@Test
	void saveWhenAuthorizationCameFromTheStoreThenItsTokensStillFindIt() {
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(new OAuth2AuthorizationCode("code-1", NOW, NOW.plusSeconds(300)))
			.build());
		OAuth2Authorization found = this.store.findByToken("code-1", new OAuth2TokenType(OAuth2ParameterNames.CODE));
		this.store.save(OAuth2Authorization.from(found)
			.token(accessToken("at-1", Duration.ofMinutes(10)))
			.invalidate(found.getToken(OAuth2AuthorizationCode.class).getToken())
			.build());
		this.store.save(OAuth2Authorization.from(this.store.findById("a1")).attribute("later", "saved again").build());

		OAuth2Authorization byCode = this.store.findByToken("code-1", new OAuth2TokenType(OAuth2ParameterNames.CODE));
		assertThat(byCode.getToken("code-1")).isNotNull();
		assertThat(byCode.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
		assertThat(this.store.findByToken("at-1", OAuth2TokenType.ACCESS_TOKEN).getToken("at-1")).isNotNull();
	}

	@Test
	void findByTokenWhenRefreshTokenClaimedThenStillFoundForTheRotation() {
		OAuth2RefreshToken refresh = refreshToken("a1", "first");
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE).refreshToken(refresh).build());
		this.store.useRefreshToken(refresh.getTokenValue());
		assertThat(this.store.findByToken(refresh.getTokenValue(), OAuth2TokenType.REFRESH_TOKEN).getId())
			.isEqualTo("a1");
	}

	@Test
	void saveWhenTokenReplacedThenOldValueNoLongerFindsIt() {
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, "state-1")
			.build());
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-2", Duration.ofMinutes(10)))
			.build());
		assertThat(this.store.findByToken("state-1", null)).isNull();
		assertThat(this.store.findByToken("at-2", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
	}

	@Test
	void removeWhenSavedThenGoneFromEveryIndex() {
		OAuth2Authorization authorization = authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-1", Duration.ofMinutes(10)))
			.build();
		this.store.save(authorization);
		this.store.remove(authorization);
		assertThat(this.store.findById("a1")).isNull();
		assertThat(this.store.findByToken("at-1", null)).isNull();
		assertThat(this.store.revokeSession("session-1")).isEmpty();
	}

	@Test
	void saveWhenClientCredentialsThenNotKept() {
		this.store.save(authorization("cc", AuthorizationGrantType.CLIENT_CREDENTIALS)
			.token(accessToken("service-token", Duration.ofMinutes(10)))
			.build());
		assertThat(this.store.findById("cc")).isNull();
		assertThat(this.store.findByToken("service-token", null)).isNull();
	}

	@Test
	void evictExpiredWhenEveryTokenExpiredThenRemovedOthersKept() {
		this.store.save(authorization("short", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-short", Duration.ofMinutes(5)))
			.build());
		this.store.save(authorization("long", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-long", Duration.ofMinutes(60)))
			.build());
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.store.evictExpired()).isEqualTo(1);
		assertThat(this.store.findByToken("at-short", null)).isNull();
		assertThat(this.store.findByToken("at-long", null)).isNotNull();
	}

	@Test
	void findByTokenWhenEveryTokenExpiredButNotYetEvictedThenFoundSoTheCallerCanSayExpired() {
		this.store.save(authorization("d1", AuthorizationGrantType.DEVICE_CODE)
			.token(new OAuth2DeviceCode("device-1", NOW, NOW.plusSeconds(600)))
			.token(new OAuth2UserCode("WDJB-MJHT", NOW, NOW.plusSeconds(600)))
			.build());
		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

		OAuth2Authorization late = this.store.findByToken("device-1", new OAuth2TokenType(OAuth2ParameterNames.DEVICE_CODE));

		assertThat(late.getToken(OAuth2DeviceCode.class).isExpired()).isTrue();
		assertThat(this.store.evictExpired()).isEqualTo(1);
		assertThat(this.store.findByToken("WDJB-MJHT", new OAuth2TokenType(OAuth2ParameterNames.USER_CODE))).isNull();
	}

	@Test
	void useRefreshTokenWhenCurrentThenFirstUseOnceAndReuseAfter() {
		OAuth2RefreshToken refresh = refreshToken("a1", "first");
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE).refreshToken(refresh).build());
		assertThat(this.store.useRefreshToken(refresh.getTokenValue()))
			.isInstanceOfSatisfying(RefreshTokenUse.FirstUse.class,
					use -> assertThat(use.authorization().getId()).isEqualTo("a1"));
		assertThat(this.store.useRefreshToken(refresh.getTokenValue())).isEqualTo(new RefreshTokenUse.Reuse("a1"));
	}

	@Test
	void useRefreshTokenWhenRotatedThenOldOneIsReuseAndNewOneFirstUse() {
		OAuth2RefreshToken first = refreshToken("a1", "first");
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE).refreshToken(first).build());
		assertThat(this.store.useRefreshToken(first.getTokenValue())).isInstanceOf(RefreshTokenUse.FirstUse.class);
		OAuth2RefreshToken second = refreshToken("a1", "second");
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE).refreshToken(second).build());
		assertThat(this.store.findByToken(first.getTokenValue(), OAuth2TokenType.REFRESH_TOKEN)).isNull();
		assertThat(this.store.useRefreshToken(first.getTokenValue())).isEqualTo(new RefreshTokenUse.Reuse("a1"));
		assertThat(this.store.useRefreshToken(second.getTokenValue())).isInstanceOf(RefreshTokenUse.FirstUse.class);
	}

	@Test
	void useRefreshTokenWhenUnknownOrFamilyGoneThenUnknown() {
		OAuth2RefreshToken refresh = refreshToken("a1", "first");
		OAuth2Authorization authorization = authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.refreshToken(refresh)
			.build();
		this.store.save(authorization);
		assertThat(this.store.useRefreshToken("no-family-at-all")).isEqualTo(new RefreshTokenUse.Unknown());
		assertThat(this.store.useRefreshToken("unknown-id.random")).isEqualTo(new RefreshTokenUse.Unknown());
		this.store.remove(authorization);
		assertThat(this.store.useRefreshToken(refresh.getTokenValue())).isEqualTo(new RefreshTokenUse.Unknown());
	}

	@Test
	void useRefreshTokenWhenUsedConcurrentlyThenExactlyOneFirstUse() throws Exception {
		OAuth2RefreshToken refresh = refreshToken("a1", "raced");
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE).refreshToken(refresh).build());
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<RefreshTokenUse>> uses = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Callable<RefreshTokenUse> use = () -> {
					start.await();
					return this.store.useRefreshToken(refresh.getTokenValue());
				};
				uses.add(pool.submit(use));
			}
			start.countDown();
			int first = 0;
			for (Future<RefreshTokenUse> use : uses) {
				if (use.get() instanceof RefreshTokenUse.FirstUse) {
					first++;
				}
				else {
					assertThat(use.get()).isEqualTo(new RefreshTokenUse.Reuse("a1"));
				}
			}
			assertThat(first).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void revokeAuthorizationWhenSeveralAccessTokensIssuedThenEveryUnexpiredOneRevoked() {
		OAuth2Authorization.Builder builder = authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE);
		this.store.save(withAccessToken(builder, "jti-1", Duration.ofMinutes(10)).build());
		this.clock.advance(Duration.ofMinutes(1));
		this.store.save(withAccessToken(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE), "jti-2",
				Duration.ofMinutes(10)).build());
		assertThat(this.store.isAccessTokenRevoked("jti-1")).isFalse();
		assertThat(this.store.revokeAuthorization("a1")).isPresent();
		assertThat(this.store.isAccessTokenRevoked("jti-1")).isTrue();
		assertThat(this.store.isAccessTokenRevoked("jti-2")).isTrue();
		assertThat(this.store.findById("a1")).isNull();
		assertThat(this.store.revokeAuthorization("a1")).isEmpty();
	}

	/**
	 * A family refreshed again and again keeps a bounded list of its live access tokens (a refresh
	 * reads and rewrites it): one more than {@link StoredAuthorizations#LIVE_ACCESS_TOKENS} revokes
	 * the oldest at once, so every access token it issued is still either listed or revoked.
	 */
	@Test
	void saveWhenMoreLiveAccessTokensThanKeptThenTheOldestRevokedAtOnceAndTheRestWithTheFamily() {
		int issued = StoredAuthorizations.LIVE_ACCESS_TOKENS + 4;
		for (int i = 1; i <= issued; i++) {
			this.store.save(withAccessToken(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE), "jti-" + i,
					Duration.ofMinutes(10)).build());
			this.clock.advance(Duration.ofSeconds(1));
		}

		for (int i = 1; i <= 4; i++) {
			assertThat(this.store.isAccessTokenRevoked("jti-" + i)).as("jti-" + i).isTrue();
		}
		for (int i = 5; i <= issued; i++) {
			assertThat(this.store.isAccessTokenRevoked("jti-" + i)).as("jti-" + i).isFalse();
		}
		assertThat(this.store.revokeAuthorization("a1")).isPresent();
		for (int i = 1; i <= issued; i++) {
			assertThat(this.store.isAccessTokenRevoked("jti-" + i)).as("jti-" + i).isTrue();
		}
	}

	@Test
	void saveWhenAuthorizationRevokedMeanwhileThenNotRevivedAndItsNewAccessTokenRevoked() {
		OAuth2Authorization.Builder builder = authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE);
		this.store.save(withAccessToken(builder, "jti-1", Duration.ofMinutes(10)).build());
		this.store.revokeAuthorization("a1");

		this.store.save(withAccessToken(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE), "jti-raced",
				Duration.ofMinutes(10)).refreshToken(refreshToken("a1", "raced")).build());

		assertThat(this.store.findById("a1")).isNull();
		assertThat(this.store.findByToken("a1.raced", OAuth2TokenType.REFRESH_TOKEN)).isNull();
		assertThat(this.store.isAccessTokenRevoked("jti-raced")).isTrue();
	}

	@Test
	void revokeSessionWhenSeveralSessionsThenOnlyThatSessionsAuthorizations() {
		this.store.save(authorization("in-1", CLIENT, "reader", "session-1").build());
		this.store.save(authorization("in-2", OTHER_CLIENT, "reader", "session-1").build());
		this.store.save(authorization("elsewhere", CLIENT, "reader", "session-2").build());
		assertThat(this.store.revokeSession("session-1")).extracting(OAuth2Authorization::getId)
			.containsExactlyInAnyOrder("in-1", "in-2");
		assertThat(this.store.findById("in-1")).isNull();
		assertThat(this.store.findById("in-2")).isNull();
		assertThat(this.store.findById("elsewhere")).isNotNull();
		assertThat(this.store.revokeSession("session-1")).isEmpty();
	}

	@Test
	void revokeClientOfReaderWhenSeveralClientsAndReadersThenOnlyThatPair() {
		this.store.save(authorization("mine", CLIENT, "reader", "session-1").build());
		this.store.save(authorization("mine-too", CLIENT, "reader", "session-2").build());
		this.store.save(authorization("other-app", OTHER_CLIENT, "reader", "session-1").build());
		this.store.save(authorization("other-reader", CLIENT, "someone-else", "session-3").build());
		assertThat(this.store.revokeClientOfReader("reader", CLIENT.getId())).extracting(OAuth2Authorization::getId)
			.containsExactlyInAnyOrder("mine", "mine-too");
		assertThat(this.store.findById("other-app")).isNotNull();
		assertThat(this.store.findById("other-reader")).isNotNull();
	}

	@Test
	void revokeAccessTokenWhenRevokedThenListedUntilItExpires() {
		this.store.revokeAccessToken("cc-jti", NOW.plus(Duration.ofMinutes(10)));
		this.store.revokeAccessToken("already-expired", NOW.minusSeconds(1));
		assertThat(this.store.isAccessTokenRevoked("cc-jti")).isTrue();
		assertThat(this.store.isAccessTokenRevoked("already-expired")).isFalse();
		assertThat(this.store.isAccessTokenRevoked("never-revoked")).isFalse();
		this.clock.advance(Duration.ofMinutes(11));
		this.store.evictExpired();
		assertThat(this.store.isAccessTokenRevoked("cc-jti")).isFalse();
	}

}

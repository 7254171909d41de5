package org.readerpass.authserver.e2e;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.audit.RecordedSecurityEvent;
import org.readerpass.authserver.audit.SecurityEvents;
import org.readerpass.authserver.authorization.AuthorizationStore;
import org.readerpass.authserver.authorization.RefreshRotation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens as a stock client library uses them (issue 10, point 2): rotated on every use; a
 * replayed one revokes every token of its sign-in and is audited; mobile apps (public clients)
 * get them and refresh by client_id alone; lifetimes follow the client type.
 */
@ReaderPassServerTest
class RefreshTokenTests {

	private static final ClientSecretBasic PORTAL = new ClientSecretBasic(new ClientID("sx-portal"),
			new Secret("sx-portal-demo-secret"));

	@LocalServerPort
	int port;

	@Autowired
	SecurityEvents securityEvents;

	@Autowired
	AuthorizationStore authorizations;

	private OIDCProviderMetadata metadata;

	@BeforeEach
	void discover() {
		this.metadata = OidcClient.discover(URI.create("http://localhost:" + this.port));
	}

	@Test
	void refreshWhenUsedThenRotatedAndNewTokensWork() {
		OidcClient portal = OidcClient.portal(this.metadata);
		RefreshToken first = signIn(portal, "ZJ0023").getOIDCTokens().getRefreshToken();

		AccessTokenResponse refreshed = success(portal.refresh(first.getValue()));
		RefreshToken second = refreshed.getTokens().getRefreshToken();

		assertThat(second).as("a new refresh token every time").isNotNull().isNotEqualTo(first);
		assertThat(refreshed.getTokens().getAccessToken()).isNotNull();
		assertThat(success(portal.refresh(second.getValue())).getTokens().getRefreshToken()).isNotEqualTo(second);
	}

	@Test
	void refreshWhenOldTokenReplayedThenWholeFamilyRevokedAndAudited() throws Exception {
		OidcClient portal = OidcClient.portal(this.metadata);
		OIDCTokenResponse signedIn = signIn(portal, "ZJ0024");
		RefreshToken stolen = signedIn.getOIDCTokens().getRefreshToken();
		AccessTokenResponse legitimate = success(portal.refresh(stolen.getValue()));
		RefreshToken current = legitimate.getTokens().getRefreshToken();
		AccessToken currentAccess = legitimate.getTokens().getAccessToken();
		long auditedBefore = reuseEvents().size();

		TokenResponse replay = portal.refresh(stolen.getValue());

		assertThat(replay.indicatesSuccess()).isFalse();
		assertThat(replay.toErrorResponse().getErrorObject()).isEqualTo(OAuth2Error.INVALID_GRANT);
		assertThat(portal.refresh(current.getValue()).indicatesSuccess()).as("the family's current refresh token")
			.isFalse();
		assertThat(introspect(currentAccess).toSuccessResponse().isActive()).as("its access tokens").isFalse();
		assertThat(introspect(signedIn.getOIDCTokens().getAccessToken()).toSuccessResponse().isActive()).isFalse();
		List<RecordedSecurityEvent> events = reuseEvents();
		assertThat(events).hasSize((int) auditedBefore + 1);
		assertThat(events.get(0).clientId()).isEqualTo("sx-portal");
		assertThat(events.get(0).details()).doesNotContain(stolen.getValue()).doesNotContain(current.getValue());
	}

	@Test
	void refreshWhenSameTokenUsedConcurrentlyThenOneSucceedsAndTheFamilyIsRevoked() throws Exception {
		OidcClient portal = OidcClient.portal(this.metadata);
		RefreshToken token = signIn(portal, "ZJ0012").getOIDCTokens().getRefreshToken();
		int racers = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		List<TokenResponse> responses = new ArrayList<>();
		try {
			List<Future<TokenResponse>> futures = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				Callable<TokenResponse> race = () -> {
					start.await();
					return portal.refresh(token.getValue());
				};
				futures.add(pool.submit(race));
			}
			start.countDown();
			for (Future<TokenResponse> future : futures) {
				responses.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(responses.stream().filter(TokenResponse::indicatesSuccess)).as("at most one use").hasSizeLessThanOrEqualTo(1);
		assertThat(responses.stream().filter(response -> !response.indicatesSuccess())).allSatisfy(
				response -> assertThat(response.toErrorResponse().getErrorObject()).isEqualTo(OAuth2Error.INVALID_GRANT));
		responses.stream().filter(TokenResponse::indicatesSuccess).forEach(response -> assertThat(
				portal.refresh(success(response).getTokens().getRefreshToken().getValue()).indicatesSuccess())
			.as("a replay raced the first use, so the family is revoked").isFalse());
	}

	@Test
	void refreshWhenMobileAppThenItHasRefreshTokensAndRefreshesByClientIdAlone() {
		OidcClient app = OidcClient.mobileApp(this.metadata);
		OIDCTokenResponse signedIn = signIn(app, "ZJ0013");
		RefreshToken refreshToken = signedIn.getOIDCTokens().getRefreshToken();
		assertThat(refreshToken).as("a public client gets a refresh token").isNotNull();

		AccessTokenResponse refreshed = success(app.refresh(refreshToken.getValue()));

		assertThat(refreshed.getTokens().getRefreshToken()).isNotNull().isNotEqualTo(refreshToken);
		assertThat(app.refresh(refreshToken.getValue()).indicatesSuccess()).as("rotated for public clients too")
			.isFalse();
	}

	@Test
	void refreshWhenMobileAppRevokesItsRefreshTokenByClientIdThenItIsGone() throws Exception {
		OidcClient app = OidcClient.mobileApp(this.metadata);
		RefreshToken refreshToken = signIn(app, "ZJ0014").getOIDCTokens().getRefreshToken();

		int status = new TokenRevocationRequest(this.metadata.getRevocationEndpointURI(), new ClientID("zj-reader-app"),
				refreshToken).toHTTPRequest().send().getStatusCode();

		assertThat(status).isEqualTo(200);
		assertThat(app.refresh(refreshToken.getValue()).indicatesSuccess()).isFalse();
	}

	@Test
	void refreshWhenPublicClientIdOfAConfidentialClientThenInvalidClient() {
		RefreshToken refreshToken = signIn(OidcClient.portal(this.metadata), "ZJ0015").getOIDCTokens().getRefreshToken();

		TokenResponse response = OidcClient.unauthenticated(this.metadata, "sx-portal").refresh(refreshToken.getValue());

		assertThat(response.indicatesSuccess()).isFalse();
		assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
	}

	@Test
	void refreshTokenLifetimeWhenWebOrNativeThenTheTypesIdleLifetime() {
		RefreshToken web = signIn(OidcClient.portal(this.metadata), "ZJ0016").getOIDCTokens().getRefreshToken();
		RefreshToken mobile = signIn(OidcClient.mobileApp(this.metadata), "ZJ0016").getOIDCTokens().getRefreshToken();

		assertThat(lifetime(web)).isEqualTo(Duration.ofHours(4));
		assertThat(lifetime(mobile)).isEqualTo(Duration.ofDays(30));
	}

	private Duration lifetime(RefreshToken token) {
		OAuth2Authorization authorization = this.authorizations.findByToken(token.getValue(),
				OAuth2TokenType.REFRESH_TOKEN);
		assertThat(authorization).isNotNull();
		var refresh = authorization.getRefreshToken().getToken();
		return Duration.between(refresh.getIssuedAt(), refresh.getExpiresAt());
	}

	private List<RecordedSecurityEvent> reuseEvents() {
		return this.securityEvents.latest(RefreshRotation.REUSE_EVENT, 1000);
	}

	private TokenIntrospectionResponse introspect(Token token) throws IOException, ParseException {
		return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
				this.metadata.getIntrospectionEndpointURI(), PORTAL, token).toHTTPRequest().send());
	}

	private static AccessTokenResponse success(TokenResponse response) {
		if (!response.indicatesSuccess()) {
			throw new AssertionError("refresh failed: " + response.toErrorResponse().getErrorObject());
		}
		return response.toSuccessResponse();
	}

	private OIDCTokenResponse signIn(OidcClient client, String card) {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		Browser.Page afterLogin = browser.login(browser.get(client.authorizationRequest()), card,
				card.toLowerCase() + "-pass");
		return client.exchange(afterLogin.location());
	}

}

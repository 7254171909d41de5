package org.readerpass.authserver.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.audit.RecordedSecurityEvent;
import org.readerpass.authserver.audit.SecurityEvents;
import org.readerpass.authserver.session.BackChannelLogout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logout as library apps see it (issue 10, point 4): RP-initiated logout with a registered
 * {@code post_logout_redirect_uri} and {@code state} ends the SSO session and its refresh tokens;
 * ID tokens carry {@code sid}; the apps signed in during the session get a signed back-channel
 * logout token in the background — one test app answers (slowly: the browser is not kept
 * waiting), the other is unreachable (retried, counted, audited).
 */
@ReaderPassServerTest
class LogoutTests {

	/** The portal's back-channel endpoint: records each logout token, answers once released. */
	private static final HttpServer PORTAL_APP;

	private static final BlockingQueue<String> LOGOUT_TOKENS = new LinkedBlockingQueue<>();

	private static volatile CountDownLatch answer = new CountDownLatch(0);

	/** Where the admin console's back-channel endpoint would be: nothing listens. */
	private static final int UNREACHABLE_PORT;

	static {
		try {
			PORTAL_APP = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			PORTAL_APP.createContext("/logout/connect/back-channel/readerpass", exchange -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
				LOGOUT_TOKENS.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.US_ASCII));
				try {
					answer.await(20, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			PORTAL_APP.start();
			try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				UNREACHABLE_PORT = probe.getLocalPort();
			}
		}
		catch (IOException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@DynamicPropertySource
	static void apps(DynamicPropertyRegistry registry) {
		registry.add("readerpass.demo.sx-portal-port", () -> PORTAL_APP.getAddress().getPort());
		registry.add("readerpass.demo.admin-console-port", () -> UNREACHABLE_PORT);
		registry.add("readerpass.logout.backchannel-attempts", () -> 3);
		registry.add("readerpass.logout.backchannel-backoff", () -> "100ms");
		registry.add("readerpass.logout.backchannel-timeout", () -> "2s");
	}

	@AfterAll
	static void stopApp() {
		answer.countDown();
		PORTAL_APP.stop(0);
	}

	@LocalServerPort
	int port;

	@Autowired
	SecurityEvents securityEvents;

	@Autowired
	MeterRegistry meters;

	private OIDCProviderMetadata metadata;

	private Browser browser;

	@BeforeEach
	void discover() {
		this.metadata = OidcClient.discover(URI.create("http://localhost:" + this.port));
		this.browser = new Browser(URI.create("http://localhost:" + this.port));
		LOGOUT_TOKENS.clear();
	}

	@Test
	void discoveryWhenFetchedThenLogoutAdvertised() {
		assertThat(this.metadata.getEndSessionEndpointURI()).isEqualTo(URI.create("http://localhost:" + this.port + "/connect/logout"));
		assertThat(this.metadata.supportsBackChannelLogout()).isTrue();
		assertThat(this.metadata.supportsBackChannelLogoutSession()).isTrue();
	}

	@Test
	void logoutWhenRpInitiatedThenSessionAndRefreshTokensEndAndAppsToldInTheBackground() throws Exception {
		OidcClient portal = OidcClient.portal(this.metadata);
		OIDCTokenResponse portalTokens = portal.exchange(
				this.browser.login(this.browser.get(portal.authorizationRequest()), "ZJ0006", "zj0006-pass").location());
		IDTokenClaimsSet idToken = portal.validate(portalTokens);
		OidcClient console = OidcClient.adminConsole(this.metadata);
		OIDCTokenResponse consoleTokens = console.exchange(this.browser.get(console.authorizationRequest()).location());
		assertThat(idToken.getStringClaim("sid")).as("ID tokens carry sid").isNotBlank();
		assertThat(console.validate(consoleTokens).getStringClaim("sid")).as("one SSO session")
			.isEqualTo(idToken.getStringClaim("sid"));
		double failedBefore = this.meters.counter(BackChannelLogout.METER, "outcome", "failed").count();
		int auditedBefore = failedDeliveries().size();
		answer = new CountDownLatch(1);

		Browser.Page loggedOut = this.browser.get(URI.create(this.metadata.getEndSessionEndpointURI() + "?id_token_hint="
				+ portalTokens.getOIDCTokens().getIDTokenString() + "&post_logout_redirect_uri="
				+ URLEncoder.encode("http://127.0.0.1:8081/", StandardCharsets.UTF_8) + "&state=af0ifjsldkj"));

		assertThat(loggedOut.location()).isEqualTo("http://127.0.0.1:8081/?state=af0ifjsldkj");
		String logoutToken = LOGOUT_TOKENS.poll(10, TimeUnit.SECONDS);
		assertThat(logoutToken).as("delivered to the portal").isNotNull();
		assertThat(answer.getCount()).as("the browser got its redirect while the app had not answered yet").isOne();
		answer.countDown();
		JWTClaimsSet claims = verifyLogoutToken(logoutToken);
		assertThat(claims.getAudience()).containsExactly("sx-portal");
		assertThat(claims.getSubject()).isEqualTo(idToken.getSubject().getValue());
		assertThat(claims.getStringClaim("sid")).isEqualTo(idToken.getStringClaim("sid"));
		assertThat(claims.getJSONObjectClaim("events")).containsOnlyKeys("http://schemas.openid.net/event/backchannel-logout");
		assertThat(claims.getClaim("nonce")).isNull();
		assertThat(claims.getJWTID()).isNotBlank();

		assertThat(refresh(portal, portalTokens)).as("the session's refresh tokens end with it").isFalse();
		assertThat(refresh(console, consoleTokens)).isFalse();
		assertThat(this.browser.get(portal.authorizationRequest()).isLoginPage()).as("no SSO any more").isTrue();

		awaitFailedDelivery(auditedBefore);
		RecordedSecurityEvent failed = failedDeliveries().get(0);
		assertThat(failed.clientId()).isEqualTo("zj-admin-console");
		assertThat(failed.details()).contains("\"attempts\":\"3\"");
		assertThat(this.meters.counter(BackChannelLogout.METER, "outcome", "failed").count()).isEqualTo(failedBefore + 1);
		assertThat(this.meters.counter(BackChannelLogout.METER, "outcome", "retried").count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void logoutWhenPostLogoutRedirectUriNotRegisteredThenErrorAndSessionKept() {
		OidcClient portal = OidcClient.portal(this.metadata);
		OIDCTokenResponse tokens = portal.exchange(
				this.browser.login(this.browser.get(portal.authorizationRequest()), "ZJ0007", "zj0007-pass").location());

		Browser.Page refused = this.browser.get(URI.create(this.metadata.getEndSessionEndpointURI() + "?id_token_hint="
				+ tokens.getOIDCTokens().getIDTokenString() + "&post_logout_redirect_uri="
				+ URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8)));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.location()).isNull();
		assertThat(refresh(portal, tokens)).isTrue();
	}

	@Test
	void logoutWhenHintForgedThenErrorAndSessionKept() {
		OidcClient portal = OidcClient.portal(this.metadata);
		OIDCTokenResponse tokens = portal.exchange(
				this.browser.login(this.browser.get(portal.authorizationRequest()), "ZJ0008", "zj0008-pass").location());
		String[] parts = tokens.getOIDCTokens().getIDTokenString().split("\\.");
		String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";

		Browser.Page refused = this.browser.get(URI.create(this.metadata.getEndSessionEndpointURI() + "?id_token_hint="
				+ unsigned + "&post_logout_redirect_uri=" + URLEncoder.encode("http://127.0.0.1:8081/", StandardCharsets.UTF_8)));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refresh(portal, tokens)).isTrue();
	}

	@Test
	void logoutWhenReaderSignsOutOnTheServerThenRefreshTokensEndToo() {
		OidcClient portal = OidcClient.portal(this.metadata);
		OIDCTokenResponse tokens = portal.exchange(
				this.browser.login(this.browser.get(portal.authorizationRequest()), "ZJ0009", "zj0009-pass").location());

		Browser.Page home = this.browser.get("/");
		assertThat(this.browser.submit(home, "/logout", Map.of()).status()).isLessThan(400);

		assertThat(refresh(portal, tokens)).isFalse();
	}

	private boolean refresh(OidcClient client, OIDCTokenResponse tokens) {
		TokenResponse response = client.refresh(tokens.getOIDCTokens().getRefreshToken().getValue());
		return response.indicatesSuccess();
	}

	private List<RecordedSecurityEvent> failedDeliveries() {
		return this.securityEvents.latest(BackChannelLogout.FAILED_EVENT, 100);
	}

	private void awaitFailedDelivery(int before) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (failedDeliveries().size() <= before && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(failedDeliveries()).hasSize(before + 1);
	}

	private JWTClaimsSet verifyLogoutToken(String token) throws Exception {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("logout+jwt")));
		URL jwks = this.metadata.getJWKSetURI().toURL();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
				JWKSourceBuilder.create(jwks).build()));
		JWTClaimsSet claims = processor.process(token, null);
		assertThat(claims.getIssuer()).isEqualTo("http://localhost:" + this.port);
		assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
		return claims;
	}

}

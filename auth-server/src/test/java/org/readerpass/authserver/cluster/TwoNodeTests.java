package org.readerpass.authserver.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.e2e.Browser;
import org.readerpass.authserver.e2e.OidcClient;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisKeyValueAdapter;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes behave as one (issue 11, point 2): two server instances on the production profile
 * share one PostgreSQL database and one Redis, and a reader's flow moves between them as a load
 * balancer without sticky sessions would move it — sign in on A, redeem the code on B, refresh on
 * A, introspect on B, log out on B and the session is gone on A; a node dies after the login form,
 * before the code is redeemed, and the other node finishes the flow; a node restarts and nobody
 * is signed out.
 */
class TwoNodeTests {

	private static final ClientSecretBasic PORTAL = new ClientSecretBasic(new ClientID("sx-portal"),
			new Secret("sx-portal-demo-secret"));

	private static final int A = 0;

	private static final int B = 1;

	private static ProductionNodes nodes;

	@BeforeAll
	static void startTwoNodes() {
		// an account locks at its 4th wrong password (the first three cost nothing)
		nodes = new ProductionNodes(2, Map.of("readerpass.abuse.login.account.free-failures", "3",
				"readerpass.abuse.login.account.lock-after", "4"));
		nodes.start(A);
		nodes.start(B);
	}

	@AfterAll
	static void stopNodes() {
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	void flowWhenEachStepOnAnotherNodeThenOneServer() throws Exception {
		Browser browser = new Browser(nodes.origin(A));
		OidcClient portal = OidcClient.portal(metadata(A));

		Browser.Page signedIn = browser.login(browser.get(portal.authorizationRequest()), "ZJ0002", "zj0002-pass");
		assertThat(signedIn.location()).as("code issued by A").contains("code=");
		OIDCTokenResponse tokens = portal.at(metadata(B)).exchange(signedIn.location());
		String sid = portal.validate(tokens).getStringClaim("sid");
		assertThat(sid).isNotBlank();

		TokenResponse refreshed = portal.at(metadata(A)).refresh(tokens.getTokens().getRefreshToken().getValue());
		assertThat(refreshed.indicatesSuccess()).as("refreshed on A").isTrue();
		AccessToken access = refreshed.toSuccessResponse().getTokens().getAccessToken();
		assertThat(introspect(B, access).toSuccessResponse().isActive()).as("introspected on B").isTrue();

		Browser.Page loggedOut = browser.at(nodes.origin(B))
			.get(URI.create(nodes.origin(B) + "/connect/logout?id_token_hint=" + tokens.getOIDCTokens().getIDTokenString()
					+ "&post_logout_redirect_uri=" + URLEncoder.encode("http://127.0.0.1:8081/", StandardCharsets.UTF_8)
					+ "&state=bye"));
		assertThat(loggedOut.location()).as("logged out on B").isEqualTo("http://127.0.0.1:8081/?state=bye");

		OidcClient silent = OidcClient.portal(metadata(A));
		assertThat(browser.get(silent.authorizationRequest("none")).location()).as("the session is gone on A")
			.contains("error=login_required");
		TokenResponse afterLogout = portal.at(metadata(A))
			.refresh(refreshed.toSuccessResponse().getTokens().getRefreshToken().getValue());
		assertThat(afterLogout.indicatesSuccess()).as("refresh tokens of the session revoked on A too").isFalse();
		assertThat(introspect(A, access).toSuccessResponse().isActive()).as("access token revoked on A too").isFalse();
	}

	@Test
	void loginWhenNodeDiesBeforeCodeRedeemedThenOtherNodeFinishes() {
		OIDCProviderMetadata onB = metadata(B);
		Browser browser = new Browser(nodes.origin(A));
		OidcClient portal = OidcClient.portal(metadata(A));
		Browser.Page signedIn = browser.login(browser.get(portal.authorizationRequest()), "ZJ0003", "zj0003-pass");
		assertThat(signedIn.location()).contains("code=");

		nodes.stop(A);
		try {
			OidcClient portalOnB = portal.at(onB);
			OIDCTokenResponse tokens = portalOnB.exchange(signedIn.location());
			assertThat(portalOnB.validate(tokens).getSubject()).isNotNull();
			OidcClient silent = OidcClient.portal(onB);
			String again = browser.at(nodes.origin(B)).get(silent.authorizationRequest("none")).location();
			assertThat(again).as("still signed in on B: the SSO session was not A's alone").contains("code=");
			assertThat(silent.exchange(again).getOIDCTokens().getAccessToken()).isNotNull();
		}
		finally {
			nodes.start(A);
		}
	}

	@Test
	void refreshWhenOnANodeThenItsAuthorizationReadFromRedisOnce() {
		Browser browser = new Browser(nodes.origin(A));
		OidcClient portal = OidcClient.portal(metadata(A));
		OIDCTokenResponse tokens = portal
			.exchange(browser.login(browser.get(portal.authorizationRequest()), "ZJ0005", "zj0005-pass").location());
		LettuceConnectionFactory redis = nodes.context(B).getBean(LettuceConnectionFactory.class);
		List<String> reads = new CopyOnWriteArrayList<>();
		CommandListener authorizationReads = new CommandListener() {

			@Override
			public void commandStarted(CommandStartedEvent event) {
				String args = event.getCommand().getArgs().toCommandString();
				if (event.getCommand().getType().toString().equals("HGET") && args.contains("authorization:")) {
					reads.add(args);
				}
			}

		};
		redis.getRequiredNativeClient().addListener(authorizationReads);
		try {
			redis.resetConnection();
			TokenResponse refreshed = portal.at(metadata(B)).refresh(tokens.getTokens().getRefreshToken().getValue());
			assertThat(refreshed.indicatesSuccess()).isTrue();
		}
		finally {
			redis.getRequiredNativeClient().removeListener(authorizationReads);
		}
		// the rotation check reads it; the claim returns it; the suspended-reader check and the
		// stock provider are served from the request's memo (were: a read each)
		assertThat(reads).hasSize(1);
	}

	@Test
	void loginWhenSignedInThenNoSessionRegistryGrowsInTheNode() {
		Browser browser = new Browser(nodes.origin(A));
		OidcClient portal = OidcClient.portal(metadata(A));
		OIDCTokenResponse tokens = portal
			.exchange(browser.login(browser.get(portal.authorizationRequest()), "ZJ0006", "zj0006-pass").location());

		assertThat(portal.validate(tokens).getStringClaim("sid")).as("the sid comes from the reader's principal")
			.isNotBlank();
		// the stock SessionRegistryImpl kept one entry per login for ever (no session-destroyed
		// events from Redis sessions)
		SessionRegistry registry = nodes.context(A).getBean(SessionRegistry.class);
		assertThat(registry.getAllPrincipals()).isEmpty();
	}

	@Test
	void authorizeWhenLoginNeededThenOnlyTheRequestsPathAndQueryInTheSharedSession() {
		Browser browser = new Browser(nodes.origin(A));
		OidcClient portal = OidcClient.portal(metadata(A));
		URI authorization = portal.authorizationRequest();
		browser.get(authorization);

		String id = new String(Base64.getDecoder().decode(browser.cookie("READERPASS_SESSION")), StandardCharsets.US_ASCII);
		Session session = nodes.context(B).getBean(SessionRepository.class).findById(id);
		assertThat(session).as("the session, read from Redis by the other node").isNotNull();
		// not the stock cache's copy of the whole request (every header and cookie, JDK-serialized)
		assertThat(session.getAttributeNames()).contains("READERPASS_SAVED_REQUEST")
			.doesNotContain("SPRING_SECURITY_SAVED_REQUEST");
		assertThat((String) session.getAttribute("READERPASS_SAVED_REQUEST"))
			.isEqualTo(authorization.getRawPath() + "?" + authorization.getRawQuery());
	}

	@Test
	void productionProfileWhenRunningThenNothingWorksPerRequestThatNoFeatureNeeds() {
		ConfigurableApplicationContext node = nodes.context(A);
		// no observation of every Redis command (a timer and a long-task timer each, ~50 a login)
		assertThat(node.getBean(ClientResources.class).tracing().isEnabled()).isFalse();
		// no WebSocket support, whose filter Tomcat would put in front of every request
		assertThat(ClassUtils.isPresent("org.apache.tomcat.websocket.server.WsFilter", null)).isFalse();
		// no Spring Data repositories (ReaderPass has none): no key-value mapping beside its stores
		assertThat(node.getBeanNamesForType(RedisKeyValueAdapter.class)).isEmpty();
	}

	@Test
	void productionProfileWhenRunningThenRequestsOnPlatformThreads() throws Exception {
		assertThat(nodes.context(A).getEnvironment().getProperty("spring.threads.virtual.enabled", Boolean.class))
			.isFalse();
	}

	@Test
	void restartWhenNodeComesBackThenNobodySignedOut() {
		Browser browser = new Browser(nodes.origin(A));
		OidcClient portal = OidcClient.portal(metadata(A));
		OIDCTokenResponse tokens = portal
			.exchange(browser.login(browser.get(portal.authorizationRequest()), "ZJ0004", "zj0004-pass").location());

		nodes.stop(A);
		nodes.start(A);

		OidcClient silent = OidcClient.portal(metadata(A));
		String again = browser.get(silent.authorizationRequest("none")).location();
		assertThat(again).as("the SSO session survived the restart").contains("code=");
		assertThat(portal.refresh(tokens.getTokens().getRefreshToken().getValue()).indicatesSuccess())
			.as("the refresh token survived the restart")
			.isTrue();
	}

	@Test
	void keyRotationWhenAdminRetiresTheOldKeyOnAThenBSignsWithTheNewOneAtOnce() throws Exception {
		String adminToken = clientCredentials(A, "zj-admin-cli:zj-admin-cli-demo-secret", "readerpass.admin");
		HttpResponse<String> rotated = NodeHttp.send(HttpRequest
			.newBuilder(URI.create(nodes.origin(A) + "/api/admin/keys/ES256/rotate?retire-previous=true"))
			.header("Authorization", "Bearer " + adminToken)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
		String newKeyId = (String) JSONObjectUtils.parse(rotated.body()).get("kid");

		// B's own rotation check runs once a minute: only the change notice can bring the key sooner
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		String keyIdOnB = keyId(clientCredentials(B, "sx-stats:sx-stats-demo-secret", null));
		while (!newKeyId.equals(keyIdOnB) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			keyIdOnB = keyId(clientCredentials(B, "sx-stats:sx-stats-demo-secret", null));
		}
		assertThat(keyIdOnB).as("B signs with the key A made").isEqualTo(newKeyId);
		String fromB = clientCredentials(B, "sx-stats:sx-stats-demo-secret", null);
		HttpResponse<String> introspected = NodeHttp.send(HttpRequest.newBuilder(URI.create(nodes.origin(A) + "/oauth2/introspect"))
			.header("Authorization", NodeHttp.basic("sx-stats:sx-stats-demo-secret"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("token=" + fromB))
			.build());
		assertThat(introspected.body()).as("A accepts B's token").contains("\"active\":true");
	}

	@Test
	void bruteForceWhenWrongPasswordsOnBothNodesThenLockedOnEitherAndReleasedOnEither() {
		Browser onA = new Browser(nodes.origin(A));
		Browser onB = onA.at(nodes.origin(B));
		// Each node's own login form (an authorization request on B redirects to the issuer's /login)
		for (int attempt = 0; attempt < 3; attempt++) {
			Browser browser = (attempt % 2 == 0) ? onA : onB;
			Browser.Page refused = browser.login(browser.get("/login"), "ZJ0009", "wrong-pass");
			assertThat(refused.status()).as("a wrong password, not yet a lock").isEqualTo(401);
		}
		Browser.Page locked = onB.login(onB.get("/login"), "ZJ0009", "wrong-pass");
		assertThat(locked.status()).as("the 4th failure, counted across both nodes, locks").isEqualTo(429);
		OidcClient portal = OidcClient.portal(metadata(A));
		Browser.Page rightButLocked = onA.login(onA.get(portal.authorizationRequest()), "ZJ0009", "zj0009-pass");
		assertThat(rightButLocked.status()).as("A knows B's lock: even the right password waits").isEqualTo(429);
		assertThat(rightButLocked.header("Retry-After")).isPresent();

		String adminToken = clientCredentials(B, "zj-admin-cli:zj-admin-cli-demo-secret", "readerpass.admin");
		HttpResponse<String> released = NodeHttp.send(HttpRequest
			.newBuilder(URI.create(nodes.origin(B) + "/api/admin/login-locks/release"))
			.header("Authorization", "Bearer " + adminToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"card\":\"ZJ0009\"}"))
			.build());
		assertThat(released.body()).as("released on B").contains("\"released\":true");
		assertThat(onA.login(onA.get(portal.authorizationRequest()), "ZJ0009", "zj0009-pass").location())
			.as("signs in on A at once").contains("code=");
	}

	private static String clientCredentials(int node, String credentials, String scope) {
		return NodeHttp.clientCredentials(nodes.origin(node), credentials, scope);
	}

	private static String keyId(String jwt) {
		try {
			return SignedJWT.parse(jwt).getHeader().getKeyID();
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	/** Node {@code node}'s discovery document: the one issuer, endpoints at that node's address. */
	private static OIDCProviderMetadata metadata(int node) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(nodes.origin(node) + "/.well-known/openid-configuration"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			// Every endpoint is below the issuer (node A's address): point them at this node
			String json = response.body().replace(nodes.issuer() + "/", nodes.origin(node) + "/");
			OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(json);
			assertThat(metadata.getIssuer().getValue()).isEqualTo(nodes.issuer());
			return metadata;
		}
		catch (IOException | ParseException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static TokenIntrospectionResponse introspect(int node, AccessToken token)
			throws IOException, ParseException {
		return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
				URI.create(nodes.origin(node) + "/oauth2/introspect"), PORTAL, token).toHTTPRequest().send());
	}

}

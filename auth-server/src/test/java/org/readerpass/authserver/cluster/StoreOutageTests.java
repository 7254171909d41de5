package org.readerpass.authserver.cluster;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.e2e.Browser;
import org.readerpass.authserver.e2e.OidcClient;
import org.readerpass.authserver.testsupport.RedisProcess;
import org.readerpass.authserver.testsupport.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults (issue 11, point 5): Redis stopped, then PostgreSQL unreachable, under a node on the
 * production profile. While a store is gone every request that needs it is answered {@code 503}
 * with {@code Retry-After} — OAuth2 JSON for apps, a problem document for the admin API, a page for
 * readers — and once it is back the node serves again within seconds, with nothing lost or
 * half-written: the refresh token that failed during the outage works afterwards, the SSO
 * session is still there.
 *
 * <p>
 * The node's Redis is one of this test's own (restarted with its data, as a Redis with
 * persistence is); PostgreSQL is reached through a proxy the test cuts: the shared services are
 * never stopped.
 */
class StoreOutageTests {

	private static final String PORTAL = "sx-portal:sx-portal-demo-secret";

	private static final String ADMIN_CLI = "zj-admin-cli:zj-admin-cli-demo-secret";

	/** How long a store's return may take to show: generous, a bound on liveness, not a benchmark. */
	private static final Duration RECOVERY = Duration.ofSeconds(30);

	private static RedisProcess redis;

	private static TcpProxy database;

	private static ProductionNodes nodes;

	@BeforeAll
	static void startNode() {
		redis = new RedisProcess();
		nodes = new ProductionNodes(1, Map.of("spring.data.redis.url", redis.url()));
		URI databaseUri = URI.create(nodes.databaseUrl().substring("jdbc:".length()));
		database = new TcpProxy(databaseUri.getPort());
		nodes.set("spring.datasource.url", nodes.databaseUrl()
			.replace("//" + databaseUri.getHost() + ":" + databaseUri.getPort() + "/", "//127.0.0.1:" + database.port() + "/"));
		nodes.start(0);
	}

	@AfterAll
	static void stop() {
		if (nodes != null) {
			nodes.close();
		}
		if (database != null) {
			database.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void redisWhenStoppedThen503ForAppsAndReadersAndBackWithNothingLost() throws Exception {
		Browser browser = new Browser(nodes.origin(0));
		OidcClient portal = OidcClient.portal(OidcClient.discover(URI.create(nodes.issuer())));
		OIDCTokenResponse tokens = portal
			.exchange(browser.login(browser.get(portal.authorizationRequest()), "ZJ0007", "zj0007-pass").location());
		String refreshToken = tokens.getTokens().getRefreshToken().getValue();

		redis.stop();
		try {
			HttpResponse<String> refresh = refresh(refreshToken);
			assertThat(refresh.statusCode()).isEqualTo(503);
			assertThat(refresh.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(refresh.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/json"));
			assertThat(refresh.body()).contains("\"error\":\"temporarily_unavailable\"");

			assertThat(clientCredentials().statusCode()).as("client-credentials tokens need no Redis").isEqualTo(200);

			Browser.Page page = browser.get(OidcClient.portal(portal.metadata()).authorizationRequest("none"));
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.body()).contains("HTTP 503").doesNotContain("Exception").doesNotContain("at org.");
			assertThat(page.header("Content-Security-Policy")).as("security headers on the 503 page too").isPresent();
			assertThat(page.header("Retry-After")).hasValue("5");
		}
		finally {
			redis.start();
		}

		HttpResponse<String> refreshed = eventually(() -> refresh(refreshToken));
		assertThat(refreshed.statusCode()).as("the refresh token that failed during the outage still works: %s",
				refreshed.body()).isEqualTo(200);
		OidcClient silent = OidcClient.portal(portal.metadata());
		assertThat(browser.get(silent.authorizationRequest("none")).location()).as("the SSO session survived")
			.contains("code=");
	}

	@Test
	void databaseWhenUnreachableThen503AndBackWithinSeconds() {
		String adminToken = adminToken();
		database.cut();
		try {
			HttpResponse<String> grants = get("/api/admin/grants", adminToken);
			assertThat(grants.statusCode()).isEqualTo(503);
			assertThat(grants.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(grants.body()).doesNotContain("Exception").doesNotContain("SQL");
			assertThat(clientCredentials().statusCode()).as("client-credentials tokens need no database")
				.isEqualTo(200);

			Browser browser = new Browser(nodes.origin(0));
			OidcClient portal = OidcClient.portal(OidcClient.discover(URI.create(nodes.issuer())));
			Browser.Page login = browser.login(browser.get(portal.authorizationRequest()), "ZJ0008", "zj0008-pass");
			assertThat(login.status()).isEqualTo(503);
			assertThat(login.body()).contains("HTTP 503").doesNotContain("Exception");
		}
		finally {
			database.restore();
		}

		HttpResponse<String> grants = eventually(() -> get("/api/admin/grants", adminToken));
		assertThat(grants.statusCode()).isEqualTo(200);
		Browser browser = new Browser(nodes.origin(0));
		OidcClient portal = OidcClient.portal(OidcClient.discover(URI.create(nodes.issuer())));
		assertThat(browser.login(browser.get(portal.authorizationRequest()), "ZJ0008", "zj0008-pass").location())
			.contains("code=");
	}

	/** Repeats {@code request} until it is answered other than 503, for at most {@link #RECOVERY}. */
	private static HttpResponse<String> eventually(Supplier<HttpResponse<String>> request) {
		long deadline = System.nanoTime() + RECOVERY.toNanos();
		HttpResponse<String> response = request.get();
		while (response.statusCode() == 503 && System.nanoTime() < deadline) {
			sleep(200);
			response = request.get();
		}
		return response;
	}

	private static HttpResponse<String> refresh(String refreshToken) {
		return NodeHttp.token(nodes.origin(0), PORTAL, "grant_type=refresh_token&refresh_token=" + refreshToken);
	}

	private static HttpResponse<String> clientCredentials() {
		return NodeHttp.token(nodes.origin(0), "sx-stats:sx-stats-demo-secret", "grant_type=client_credentials");
	}

	private static String adminToken() {
		return NodeHttp.clientCredentials(nodes.origin(0), ADMIN_CLI, "readerpass.admin");
	}

	private static HttpResponse<String> get(String path, String token) {
		return NodeHttp.send(HttpRequest.newBuilder(URI.create(nodes.origin(0) + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}

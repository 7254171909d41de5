package org.readerpass.authserver.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.testclient.StockClientApp;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stock Spring Boot client — {@code oauth2Login} configured by the issuer URI, client id and
 * secret only, every other setting its default — signs a reader in (issue 10): it discovers the
 * server, sends no {@code scope} (so it gets the client's registered scopes, {@code openid}
 * included), checks the ID token with its default, RS256, and reads userinfo — any of which
 * failing sends the browser to {@code /login?error} instead.
 */
@ReaderPassServerTest
class SpringBootClientTests {

	/** The demo portal's registered redirect URI names this port. */
	private static final int PORTAL_PORT = 8081;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private ConfigurableApplicationContext portal;

	@AfterEach
	void stopPortal() {
		if (this.portal != null) {
			this.portal.close();
		}
	}

	@Test
	void oauth2LoginWhenConfiguredByIssuerUriOnlyThenReaderSignsIn() throws Exception {
		assertPortFree(PORTAL_PORT);
		this.portal = new SpringApplicationBuilder(StockClientApp.class).properties(
				"spring.config.name=stock-client-app", // not the server's application.yml
				"server.address=127.0.0.1", "server.port=" + PORTAL_PORT,
				"spring.flyway.enabled=false", "spring.main.banner-mode=off",
				// its sessions in its own memory, not in the machine's Redis (Spring Session is on
				// the test classpath, and the machine's Redis is shared)
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
				"spring.security.oauth2.client.registration.readerpass.client-id=sx-portal",
				"spring.security.oauth2.client.registration.readerpass.client-secret=sx-portal-demo-secret",
				"spring.security.oauth2.client.provider.readerpass.issuer-uri=http://localhost:" + this.port)
			.run();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> loginPage = follow(browser, get(URI.create("http://127.0.0.1:" + PORTAL_PORT + "/")));
		// the login page, shown at the authorization request's URL on the issuer's origin
		assertThat(loginPage.uri().toString()).startsWith("http://localhost:" + this.port + "/oauth2/authorize?");
		assertThat(loginPage.body()).contains("action=\"/login\"");
		Matcher csrf = CSRF.matcher(loginPage.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> signedIn = follow(browser, HttpRequest.newBuilder(loginPage.uri().resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf.group(1)) + "&card=ZJ0002&password=zj0002-pass"))
			.build());

		assertThat(signedIn.uri().getPort()).as("back at the portal").isEqualTo(PORTAL_PORT);
		assertThat(signedIn.uri().getPath()).as("the page the reader first asked for, not /login?error").isEqualTo("/");
		OAuth2AuthorizedClient client = authorizedClient("ZJ0002");
		assertThat(client).as("the portal holds the reader's tokens").isNotNull();
		assertThat(client.getAccessToken().getScopes()).as("the registered scopes, openid included")
			.contains("openid", "profile", "library");
	}

	/** The portal's authorized client for the reader, whose principal name is the ID token's sub. */
	private OAuth2AuthorizedClient authorizedClient(String card) {
		String sub = this.jdbc.sql("select reader_id from reader_account where card_number = ?")
			.param(card)
			.query(String.class)
			.single();
		return this.portal.getBean(OAuth2AuthorizedClientService.class).loadAuthorizedClient("readerpass", sub);
	}

	private static void assertPortFree(int port) throws IOException {
		try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			probe.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new AssertionError("port " + port + " (the demo portal's redirect URI) is in use: stop what uses it", ex);
		}
	}

	private static HttpRequest get(URI uri) {
		return HttpRequest.newBuilder(uri).GET().build();
	}

	/** Follows redirects across the portal and the server, as a browser does (loopback only). */
	private static HttpResponse<String> follow(HttpClient browser, HttpRequest first)
			throws IOException, InterruptedException {
		HttpResponse<String> response = browser.send(first, HttpResponse.BodyHandlers.ofString());
		for (int hops = 0; hops < 15 && response.statusCode() / 100 == 3; hops++) {
			URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			assertThat(next.getHost()).isIn("localhost", "127.0.0.1");
			response = browser.send(get(next), HttpResponse.BodyHandlers.ofString());
		}
		return response;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

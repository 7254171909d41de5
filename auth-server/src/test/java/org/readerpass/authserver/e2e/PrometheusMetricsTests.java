package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.operations.PrometheusScrape;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters operators alert on, as Prometheus scrapes them from the management port after real
 * logins and token requests: each counts exactly what happened, and no tag holds what a reader or
 * app typed.
 */
@ReaderPassServerTest
class PrometheusMetricsTests {

	private static final String LOGINS = "readerpass_login_attempts_total";

	private static final String TOKENS = "readerpass_tokens_issued_total";

	private static final String ERRORS = "readerpass_oauth2_errors_total";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	private OIDCProviderMetadata metadata;

	@BeforeEach
	void discover() {
		this.metadata = OidcClient.discover(URI.create("http://localhost:" + this.port));
	}

	@Test
	void prometheusWhenReaderSignsInAndAppGetsAndRefreshesTokensThenEachIsCounted() {
		PrometheusScrape before = scrape();
		OidcClient portal = OidcClient.portal(this.metadata);
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OIDCTokenResponse tokens = portal.exchange(
				browser.login(browser.get(portal.authorizationRequest()), "ZJ0009", "zj0009-pass").location());
		String refreshToken = tokens.getOIDCTokens().getRefreshToken().getValue();
		TokenResponse refreshed = portal.refresh(refreshToken);
		TokenResponse replayed = portal.refresh(refreshToken);

		PrometheusScrape after = scrape();
		assertThat(refreshed.indicatesSuccess()).isTrue();
		assertThat(replayed.indicatesSuccess()).isFalse();
		assertThat(delta(before, after, LOGINS, Map.of("library", "zj", "outcome", "signed_in"))).isEqualTo(1);
		assertThat(delta(before, after, TOKENS, Map.of("client_id", "sx-portal", "grant_type", "authorization_code")))
			.isEqualTo(1);
		assertThat(delta(before, after, TOKENS, Map.of("client_id", "sx-portal", "grant_type", "refresh_token")))
			.isEqualTo(1);
		assertThat(delta(before, after, ERRORS, Map.of("endpoint", "token", "error", "invalid_grant"))).isEqualTo(1);
		assertThat(after.has("http_server_requests_seconds_bucket", Map.of("uri", "/oauth2/token", "le", "0.1")))
			.as("token endpoint latency, with SLO buckets")
			.isTrue();
		assertThat(after.has("http_server_requests_seconds_bucket", Map.of("uri", "/oauth2/authorize"))).isTrue();
		assertThat(after.has("readerpass_logout_backchannel_total", Map.of("outcome", "failed")))
			.as("back-channel logout deliveries, there from the start")
			.isTrue();
		assertThat(after.text()).doesNotContain("ZJ0009", refreshToken,
				tokens.getOIDCTokens().getAccessToken().getValue());
	}

	@Test
	void prometheusWhenWrongPasswordThenCountedWithoutNamingALibrary() {
		PrometheusScrape before = scrape();
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		browser.login(browser.get("/login"), "ZJ0009", "not-the-password");

		assertThat(delta(before, scrape(), LOGINS, Map.of("library", "none", "outcome", "bad_credentials")))
			.isEqualTo(1);
	}

	@Test
	void prometheusWhenClientSecretWrongThenInvalidClientCountedAndStill401() throws Exception {
		PrometheusScrape before = scrape();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("sx-stats:wrong-secret".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\"}");
		assertThat(delta(before, scrape(), ERRORS, Map.of("endpoint", "token", "error", "invalid_client")))
			.isEqualTo(1);
	}

	@Test
	void prometheusWhenAuthorizationRequestOfUnknownClientThenCountedAtTheAuthorizationEndpoint() {
		PrometheusScrape before = scrape();
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		browser.get("/oauth2/authorize?response_type=code&client_id=no-such-app&scope=openid&redirect_uri="
				+ URLEncoder.encode("http://127.0.0.1:9/cb", StandardCharsets.UTF_8));

		assertThat(delta(before, scrape(), ERRORS, Map.of("endpoint", "authorize", "error", "invalid_request")))
			.isEqualTo(1);
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of(this.managementPort);
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name,
			Map<String, String> labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}

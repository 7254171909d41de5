package org.readerpass.authserver.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers on every page and protocol answer (issue 11, point 6): a Content-Security-Policy
 * that forbids framing and foreign content, no Referer to other sites, no framing, no sniffing; no
 * caching of token responses.
 */
@ReaderPassServerTest
class SecurityHeadersTests {

	private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

	@LocalServerPort
	int port;

	private RawHttp.Response send(String method, String target, List<String> headers, String body) throws Exception {
		return RawHttp.sendToLocalhost(this.port, method, target, headers, body);
	}

	@Test
	void pagesAndProtocolAnswersWhenFetchedThenSecurityHeaders() throws Exception {
		for (String path : List.of("/", "/login", "/device", "/.well-known/openid-configuration", "/api/admin/grants",
				"/no-such-page")) {
			RawHttp.Response response = send("GET", path, List.of("Accept: text/html"), null);
			assertThat(response.headers().get("content-security-policy")).as(path)
				.contains("default-src 'self'")
				.contains("frame-ancestors 'none'");
			assertThat(response.headers().get("referrer-policy")).as(path).isEqualTo("no-referrer");
			assertThat(response.headers().get("x-frame-options")).as(path).isEqualTo("DENY");
			assertThat(response.headers().get("x-content-type-options")).as(path).isEqualTo("nosniff");
		}
	}

	@Test
	void tokenResponseWhenIssuedThenNotCached() throws Exception {
		RawHttp.Response response = send("POST", "/oauth2/token",
				List.of(FORM, "Authorization: Basic c3gtc3RhdHM6c3gtc3RhdHMtZGVtby1zZWNyZXQ="),
				"grant_type=client_credentials");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("cache-control")).contains("no-store");
		assertThat(response.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
	}

}

package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Scopes as stock clients send them: unknown values are ignored (OIDC Core §3.1.2.1) and only
 * {@code openid} and the client's registered scopes are granted, the token response saying which
 * (RFC 6749 §3.3); a request without {@code scope} gets the client's registered scopes.
 */
@ReaderPassServerTest
class ScopeTests {

	private static final String CALLBACK = "http://127.0.0.1:8082/callback";

	private static final String VERIFIER = "readerpass-demo-verifier-0123456789-abcdefghijklmnop";

	private static final String CHALLENGE = "ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signIn() {
		this.browser = new Browser(URI.create("http://localhost:" + this.port));
		Browser.Page login = this.browser.get(authorize("&scope=openid"));
		assertThat(this.browser.login(login, "ZJ0002", "zj0002-pass").location()).startsWith(CALLBACK + "?code=");
	}

	@Test
	void authorizeWhenStockScopesWithEmailAndUnknownOnesThenRegisteredOnesGranted() throws Exception {
		Map<String, Object> tokens = tokens("&scope=" + enc("openid profile email offline_access no-such-scope"));

		assertThat(scopes(tokens)).containsExactlyInAnyOrder("openid", "profile");
		assertThat(tokens).containsKey("id_token");
	}

	@Test
	void authorizeWhenNoScopeThenTheClientsRegisteredScopes() throws Exception {
		Map<String, Object> tokens = tokens("");

		assertThat(scopes(tokens)).containsExactlyInAnyOrder("openid", "profile", "library");
		RawHttp.Response userinfo = RawHttp.send(this.port, "GET", "/userinfo",
				List.of("Host: localhost:" + this.port, "Authorization: Bearer " + tokens.get("access_token")), null);
		assertThat(userinfo.status()).isEqualTo(200);
		assertThat(userinfo.body()).contains("\"preferred_username\":\"ZJ0002\"");
	}

	private Map<String, Object> tokens(String scopeParameter) throws Exception {
		Browser.Page page = this.browser.get(authorize(scopeParameter));
		assertThat(page.location()).startsWith(CALLBACK + "?code=");
		String code = UriComponentsBuilder.fromUriString(page.location()).build().getQueryParams().getFirst("code");
		RawHttp.Response response = RawHttp.send(this.port, "POST", "/oauth2/token",
				List.of("Host: localhost:" + this.port, "Content-Type: application/x-www-form-urlencoded"),
				"grant_type=authorization_code&client_id=zj-reader-app&redirect_uri=" + enc(CALLBACK) + "&code="
						+ enc(code) + "&code_verifier=" + VERIFIER);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return JSONObjectUtils.parse(response.body());
	}

	private static Set<String> scopes(Map<String, Object> tokens) {
		return Set.of(((String) tokens.get("scope")).split(" "));
	}

	private URI authorize(String scopeParameter) {
		return URI.create("http://localhost:" + this.port + "/oauth2/authorize?response_type=code"
				+ "&client_id=zj-reader-app&redirect_uri=" + enc(CALLBACK) + scopeParameter + "&state=s"
				+ "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256");
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

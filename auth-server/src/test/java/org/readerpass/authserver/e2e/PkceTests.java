package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * PKCE as RFC 7636 writes it: a verifier is 43–128 characters of the unreserved set (§4.1), an
 * S256 challenge is the 43-character BASE64URL of a SHA-256 (§4.2), and a public client that sends
 * no verifier made a bad request, not a bad client authentication (RFC 6749 §5.2).
 */
@ReaderPassServerTest
class PkceTests {

	private static final String CALLBACK = "http://127.0.0.1:8082/callback";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signIn() {
		this.browser = new Browser(URI.create("http://localhost:" + this.port));
		String verifier = "v".repeat(43);
		Browser.Page login = this.browser.get(authorize(challenge(verifier), "login"));
		Browser.Page signedIn = this.browser.login(login, "ZJ0001", "zj0001-pass");
		assertThat(signedIn.location()).startsWith(CALLBACK + "?code=");
	}

	@Test
	void tokenWhenVerifierOfEveryValidLengthAndCharacterThenTokens() throws Exception {
		for (String verifier : List.of("a".repeat(43), "Az09-._~".repeat(16))) {
			RawHttp.Response response = redeem(code(challenge(verifier)), verifier);

			assertThat(response.status()).as("%d characters", verifier.length()).isEqualTo(200);
		}
	}

	@Test
	void tokenWhenVerifierTooShortTooLongOrOutsideTheUnreservedSetThenInvalidRequest() throws Exception {
		for (String verifier : List.of("a".repeat(42), "a".repeat(129), "a".repeat(42) + "+", "a".repeat(42) + "/",
				"a".repeat(42) + "=", "a".repeat(42) + " ", "a".repeat(42) + "é")) {
			RawHttp.Response response = redeem(code(challenge(verifier)), verifier);

			assertThat(response.status()).as(verifier).isEqualTo(400);
			assertThat(JSONObjectUtils.parse(response.body()).get("error")).as(verifier).isEqualTo("invalid_request");
		}
	}

	@Test
	void tokenWhenPublicClientSendsNoVerifierThenInvalidRequestNotInvalidClient() throws Exception {
		String code = code(challenge("b".repeat(43)));

		RawHttp.Response response = RawHttp.send(this.port, "POST", "/oauth2/token",
				List.of("Host: localhost:" + this.port, "Content-Type: application/x-www-form-urlencoded"),
				"grant_type=authorization_code&client_id=zj-reader-app&redirect_uri=" + enc(CALLBACK) + "&code="
						+ enc(code));

		assertThat(response.status()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(response.body()).get("error")).isEqualTo("invalid_request");
	}

	@Test
	void authorizeWhenChallengeMalformedThenInvalidRequestAtTheRedirectUriWithState() {
		for (String challenge : List.of(challenge("c".repeat(43)).substring(1), challenge("c".repeat(43)) + "A",
				challenge("c".repeat(43)).substring(1) + "=", "+" + challenge("c".repeat(43)).substring(1))) {
			Browser.Page page = this.browser.get(authorize(challenge, "bad"));

			assertThat(page.location()).as(challenge).startsWith(CALLBACK + "?");
			Map<String, List<String>> query = UriComponentsBuilder.fromUriString(page.location())
				.build()
				.getQueryParams();
			assertThat(query.get("error")).as(challenge).containsExactly("invalid_request");
			assertThat(query.get("state")).as(challenge).containsExactly("bad");
			assertThat(query).as(challenge).doesNotContainKey("code");
		}
	}

	private String code(String challenge) {
		Browser.Page page = this.browser.get(authorize(challenge, "s"));
		assertThat(page.location()).startsWith(CALLBACK + "?code=");
		return UriComponentsBuilder.fromUriString(page.location()).build().getQueryParams().getFirst("code");
	}

	private RawHttp.Response redeem(String code, String verifier) throws Exception {
		return RawHttp.send(this.port, "POST", "/oauth2/token",
				List.of("Host: localhost:" + this.port, "Content-Type: application/x-www-form-urlencoded"),
				"grant_type=authorization_code&client_id=zj-reader-app&redirect_uri=" + enc(CALLBACK) + "&code="
						+ enc(code) + "&code_verifier=" + enc(verifier));
	}

	private URI authorize(String challenge, String state) {
		return URI.create("http://localhost:" + this.port + "/oauth2/authorize?response_type=code"
				+ "&client_id=zj-reader-app&redirect_uri=" + enc(CALLBACK) + "&scope=openid&state=" + state
				+ "&code_challenge=" + enc(challenge) + "&code_challenge_method=S256");
	}

	/** RFC 7636 §4.2 S256, of any string (including ones §4.1 does not allow as verifiers). */
	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

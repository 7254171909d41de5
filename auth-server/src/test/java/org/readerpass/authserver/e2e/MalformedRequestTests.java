package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The causes of the 500s an attacker's corpus found (issue 11, point 6), each answered with the
 * protocol's 4xx now: a repeated parameter at the token endpoint, a form body with a bad %-escape
 * on PUT/PATCH/DELETE, a {@code state} too long to send back, {@code GET /error}; and those
 * {@link BadInputCorpusTests} found after them: a token request without {@code grant_type} or with
 * a blank {@code client_id}, a malformed multipart body, a blank client on the consent pages, a
 * logout {@code state} too long to send back; and parameters the container cannot decode, which
 * were logged with their values and a stack trace on every request.
 */
@ReaderPassServerTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestTests {

	private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

	private static final String PORTAL = "Authorization: Basic c3gtcG9ydGFsOnN4LXBvcnRhbC1kZW1vLXNlY3JldA==";

	@LocalServerPort
	int port;

	private RawHttp.Response send(String method, String target, List<String> headers, String body) throws Exception {
		return RawHttp.sendToLocalhost(this.port, method, target, headers, body);
	}

	@Test
	void tokenWhenParameterRepeatedThenInvalidRequest() throws Exception {
		for (List<String> headers : List.of(List.of(FORM, PORTAL), List.of(FORM))) {
			String client = headers.contains(PORTAL) ? "" : "&client_id=zj-reader-app"
					+ "&code_verifier=readerpass-demo-verifier-0123456789-abcdefghijklmnop";
			RawHttp.Response response = send("POST", "/oauth2/token", headers,
					"grant_type=authorization_code&code=a&code=b&redirect_uri=http%3A%2F%2F127.0.0.1%3A8081%2F" + client);

			assertThat(response.status()).as(headers.toString()).isEqualTo(400);
			assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_request");
		}
		RawHttp.Response introspection = send("POST", "/oauth2/introspect", List.of(FORM, PORTAL), "token=a&token=b");
		assertThat(introspection.status()).isEqualTo(400);
	}

	@Test
	void formBodyWithBadEscapeWhenPutPatchOrDeleteThenNo500() throws Exception {
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			for (String path : List.of("/anything", "/api/admin/grants", "/oauth2/token", "/login")) {
				RawHttp.Response response = send(method, path, List.of(FORM), "a=%g");
				assertThat(response.status()).as(method + " " + path).isBetween(400, 499);
				assertThat(response.body()).as(method + " " + path).doesNotContain("Exception");
			}
		}
	}

	@Test
	void authorizeWhenStateTooLongThenErrorPageAndNoRedirect() throws Exception {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		String authorize = "/oauth2/authorize?response_type=code&client_id=zj-reader-app&redirect_uri="
				+ URLEncoder.encode("http://127.0.0.1:8082/callback", StandardCharsets.UTF_8) + "&scope=openid"
				+ "&code_challenge=ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU&code_challenge_method=S256&state=";
		assertThat(browser.login(browser.get(authorize + "s"), "ZJ0002", "zj0002-pass").location())
			.startsWith("http://127.0.0.1:8082/callback?code=");

		Browser.Page refused = browser.get(authorize + "s".repeat(2049));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.location()).isNull();
		assertThat(refused.body()).contains("2048");
		assertThat(browser.get(authorize + "s".repeat(2048)).location()).as("at the limit")
			.startsWith("http://127.0.0.1:8082/callback?code=");
	}

	@Test
	void errorWhenAskedForDirectlyThenNotFound() throws Exception {
		assertThat(send("GET", "/error", List.of("Accept: text/html"), null).status()).isEqualTo(404);
		assertThat(send("GET", "/error", List.of("Accept: application/json"), null).status()).isEqualTo(404);
	}

	@Test
	void tokenWhenNoGrantTypeAndNoClientSecretThenClientError() throws Exception {
		for (String body : List.of("client_id=zj-tv-box", "client_id=zj-reader-app", "")) {
			RawHttp.Response response = send("POST", "/oauth2/token", List.of(FORM), body);

			assertThat(response.status()).as(body).isIn(400, 401);
			assertThat(JSONObjectUtils.parse(response.body())).as(body).containsKey("error");
		}
	}

	@Test
	void tokenWhenPublicClientIdBlankThenInvalidRequest() throws Exception {
		RawHttp.Response response = send("POST", "/oauth2/token", List.of(FORM),
				"grant_type=refresh_token&refresh_token=r&client_id=+++");

		assertThat(response.status()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_request");
	}

	@Test
	void anyPathWhenMultipartBodyMalformedThenNo500() throws Exception {
		for (String method : List.of("GET", "POST")) {
			for (String path : List.of("/", "/login", "/oauth2/token", "/api/admin/grants", "/device")) {
				for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=x")) {
					RawHttp.Response response = send(method, path, List.of("Content-Type: " + type), "--x\r\n\u0000--y");
					assertThat(response.status()).as(method + " " + path + " " + type).isBetween(200, 499);
				}
			}
		}
	}

	@Test
	void consentPagesWhenClientBlankThenNo500() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		browser.login(browser.get("/login"), "KQ0006", "kq0006-pass");

		assertThat(browser.get("/oauth2/consent?client_id=+&scope=profile&state=s").status()).isEqualTo(400);
		assertThat(browser.get("/oauth2/consent?client_id=&scope=profile&state=s").status()).isEqualTo(400);
		Browser.Page withdrawn = browser.submit(browser.get("/device"), "/account/apps/withdraw", Map.of("client", " "));
		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.uri().getQuery()).isNull();
	}

	@Test
	void logoutWhenStateTooLongThenInvalidRequestAndStillSignedIn() {
		URI issuer = URI.create("http://localhost:" + this.port);
		Browser browser = new Browser(issuer);
		browser.login(browser.get("/login"), "KQ0006", "kq0006-pass");
		OIDCProviderMetadata metadata = OidcClient.discover(issuer);
		OidcClient portal = OidcClient.portal(metadata);
		OIDCTokenResponse tokens = portal.exchange(browser.get(portal.authorizationRequest()).location());
		Map<String, String> logout = Map.of("id_token_hint", tokens.getOIDCTokens().getIDTokenString(),
				"post_logout_redirect_uri", "http://127.0.0.1:8081/", "state", "s".repeat(2049));

		Browser.Page refused = browser.post("/connect/logout", logout);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.location()).isNull();
		assertThat(browser.get(portal.authorizationRequest()).location()).as("still signed in")
			.startsWith("http://127.0.0.1:8081/login/oauth2/code/readerpass?code=");
	}

	@Test
	void anyPathWhenParameterUndecodableThenInvalidRequestAndNothingLogged(CapturedOutput output) throws Exception {
		String token = new AdminCli(URI.create("http://localhost:" + this.port)).token();
		List<String> admin = List.of("Authorization: Bearer " + token, "Accept: application/json");
		assertThat(send("GET", "/api/admin/grants?=0", admin, null).status()).as("issue 11: an empty name").isEqualTo(400);
		for (String query : List.of("=0", "lang=%g", "a=%C3%28", "code=secret-code%zz", "%g=1")) {
			for (String path : List.of("/", "/login", "/oauth2/authorize", "/api/admin/grants", "/userinfo")) {
				RawHttp.Response response = send("GET", path + "?" + query, admin, null);

				assertThat(response.status()).as(path + "?" + query).isEqualTo(400);
				assertThat(JSONObjectUtils.parse(response.body())).as(path + "?" + query)
					.containsEntry("error", "invalid_request");
			}
			RawHttp.Response form = send("POST", "/oauth2/token", List.of(FORM, PORTAL), "grant_type=x&" + query);
			assertThat(form.status()).as("token " + query).isEqualTo(400);
		}

		assertThat(output.getOut()).doesNotContain("secret-code").doesNotContain("InvalidParameterException");
	}

	@Test
	void loginFormWhenUtf8ThenDecodedAsUtf8() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));

		Browser.Page refused = browser.login(browser.get("/login"), "读者0001", "not-the-password");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).contains("读者0001");
	}

	@Test
	void requestRefusedByTheContainerWhenTooLongOrWithAnEncodedSlashThenProblem() throws Exception {
		for (String target : List.of("/api/admin/grants/a%2Fb", "/login?q=" + "q".repeat(9000))) {
			RawHttp.Response response = send("GET", target, List.of("Accept: text/html"), null);

			assertThat(response.status()).as(target.substring(0, Math.min(30, target.length()))).isEqualTo(400);
			assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
			assertThat(JSONObjectUtils.parse(response.body())).containsEntry("status", 400L);
		}
	}

}

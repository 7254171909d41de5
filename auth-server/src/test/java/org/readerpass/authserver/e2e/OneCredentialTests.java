package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One credential per request: a client uses one authentication method (RFC 6749 §2.3) and a bearer
 * token travels one way (RFC 6750 §3.1); a request with two is {@code invalid_request}, never
 * served as one of them.
 */
@ReaderPassServerTest
class OneCredentialTests {

	private static final String STATS = "Authorization: Basic c3gtc3RhdHM6c3gtc3RhdHMtZGVtby1zZWNyZXQ=";

	private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

	@LocalServerPort
	int port;

	@Test
	void tokenWhenBasicAuthAndAnotherClientInTheBodyThenInvalidRequest() throws Exception {
		for (String body : List.of("grant_type=client_credentials&client_id=sx-portal",
				"grant_type=client_credentials&client_id=sx-stats&client_secret=sx-stats-demo-secret",
				"grant_type=client_credentials&client_secret=sx-stats-demo-secret")) {
			RawHttp.Response response = token(List.of(host(), STATS, FORM), body);

			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(JSONObjectUtils.parse(response.body()).get("error")).as(body).isEqualTo("invalid_request");
			assertThat(response.body()).as(body).doesNotContain("access_token");
		}
	}

	@Test
	void tokenWhenSecretAndAssertionBothInTheBodyThenInvalidRequest() throws Exception {
		RawHttp.Response response = token(List.of(host(), FORM),
				"grant_type=client_credentials&client_id=sx-stats&client_secret=sx-stats-demo-secret"
						+ "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
						+ "&client_assertion=eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

		assertThat(response.status()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(response.body()).get("error")).isEqualTo("invalid_request");
		assertThat(response.body()).doesNotContain("access_token");
	}

	@Test
	void tokenWhenBasicAuthAndTheSameClientIdInTheBodyThenServed() throws Exception {
		RawHttp.Response response = token(List.of(host(), STATS, FORM), "grant_type=client_credentials&client_id=sx-stats");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void protectedResourceWhenBearerTokenInHeaderAndBodyThenInvalidRequest() throws Exception {
		String accessToken = (String) JSONObjectUtils
			.parse(token(List.of(host(), "Authorization: Basic emotYWRtaW4tY2xpOnpqLWFkbWluLWNsaS1kZW1vLXNlY3JldA==",
					FORM), "grant_type=client_credentials&scope=readerpass.admin").body())
			.get("access_token");
		String form = "access_token=" + URLEncoder.encode(accessToken, StandardCharsets.US_ASCII);

		RawHttp.Response userinfo = RawHttp.send(this.port, "POST", "/userinfo",
				List.of(host(), "Authorization: Bearer " + accessToken, FORM), form);
		RawHttp.Response admin = RawHttp.send(this.port, "GET", "/api/admin/grants?" + form,
				List.of(host(), "Authorization: Bearer " + accessToken), null);
		RawHttp.Response adminAlone = RawHttp.send(this.port, "GET", "/api/admin/grants",
				List.of(host(), "Authorization: Bearer " + accessToken), null);

		assertThat(userinfo.status()).isEqualTo(400);
		assertThat(userinfo.headers().get("www-authenticate")).contains("invalid_request");
		assertThat(admin.status()).isEqualTo(400);
		assertThat(admin.headers().get("www-authenticate")).contains("invalid_request");
		assertThat(adminAlone.status()).as("the same token, one way").isEqualTo(200);
	}

	private RawHttp.Response token(List<String> headers, String body) throws Exception {
		return RawHttp.send(this.port, "POST", "/oauth2/token", headers, body);
	}

	private String host() {
		return "Host: localhost:" + this.port;
	}

}

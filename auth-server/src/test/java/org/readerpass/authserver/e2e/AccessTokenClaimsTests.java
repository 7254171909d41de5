package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The wire form of access-token claims: {@code scope} a space-separated string (RFC 9068 §2.2.3,
 * RFC 8693 §4.2) in the token and at introspection, times as NumericDate (RFC 7662 §2.2).
 */
@ReaderPassServerTest
class AccessTokenClaimsTests {

	private static final String PORTAL = "Authorization: Basic c3gtcG9ydGFsOnN4LXBvcnRhbC1kZW1vLXNlY3JldA==";

	@LocalServerPort
	int port;

	OIDCProviderMetadata metadata;

	@BeforeEach
	void discover() {
		this.metadata = OidcClient.discover(URI.create("http://localhost:" + this.port));
	}

	@Test
	void accessTokenWhenReaderSignedInThenScopeIsOneSpaceSeparatedString() throws Exception {
		String accessToken = readerToken();

		Object scope = SignedJWT.parse(accessToken).getJWTClaimsSet().getClaim("scope");

		assertThat(scope).isInstanceOf(String.class);
		assertThat(Set.of(((String) scope).split(" "))).containsExactlyInAnyOrder("openid", "profile", "library");
	}

	@Test
	void introspectionWhenReaderTokenThenScopeStringAndAuthTimeANumericDate() throws Exception {
		String accessToken = readerToken();
		long authTime = SignedJWT.parse(accessToken).getJWTClaimsSet().getDateClaim("auth_time").getTime() / 1000;

		RawHttp.Response response = RawHttp.send(this.port, "POST", "/oauth2/introspect",
				List.of("Host: localhost:" + this.port, PORTAL, "Content-Type: application/x-www-form-urlencoded"),
				"token=" + URLEncoder.encode(accessToken, StandardCharsets.US_ASCII));

		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> introspected = JSONObjectUtils.parse(response.body());
		assertThat(introspected.get("active")).isEqualTo(true);
		assertThat(introspected.get("auth_time")).isInstanceOf(Number.class);
		assertThat(((Number) introspected.get("auth_time")).longValue()).isEqualTo(authTime);
		assertThat(introspected.get("scope")).isInstanceOf(String.class);
		assertThat(Set.of(((String) introspected.get("scope")).split(" "))).containsExactlyInAnyOrder("openid",
				"profile", "library");
	}

	@Test
	void introspectionWhenAnotherClientAsksThenInactiveAndNothingOfTheTokenTold() throws Exception {
		String accessToken = readerToken();
		String stats = "Authorization: Basic c3gtc3RhdHM6c3gtc3RhdHMtZGVtby1zZWNyZXQ=";

		RawHttp.Response other = RawHttp.send(this.port, "POST", "/oauth2/introspect",
				List.of("Host: localhost:" + this.port, stats, "Content-Type: application/x-www-form-urlencoded"),
				"token=" + URLEncoder.encode(accessToken, StandardCharsets.US_ASCII));
		RawHttp.Response own = RawHttp.send(this.port, "POST", "/oauth2/introspect",
				List.of("Host: localhost:" + this.port, PORTAL, "Content-Type: application/x-www-form-urlencoded"),
				"token=" + URLEncoder.encode(accessToken, StandardCharsets.US_ASCII));

		assertThat(other.status()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(other.body())).as("RFC 7662 §4: not this client's token")
			.isEqualTo(Map.of("active", false));
		assertThat(JSONObjectUtils.parse(own.body())).containsEntry("active", true).containsKey("sub");
	}

	private String readerToken() throws Exception {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OidcClient portal = OidcClient.portal(this.metadata);
		Browser.Page loginPage = browser.get(portal.authorizationRequest());
		Browser.Page afterLogin = browser.login(loginPage, "SX0001", "sx0001-pass");
		return portal.exchange(afterLogin.location()).getOIDCTokens().getAccessToken().getValue();
	}

}

package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.keys.SigningKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * Nothing a request says changes who the server is (RFC 8414 §3.3, RFC 9068 §4): with a spoofed
 * {@code Host} header, discovery, tokens and redirects still name the configured issuer, and a
 * token signed with the server's own key but naming another issuer is refused.
 */
@ReaderPassServerTest
class IssuerTests {

	private static final String EVIL = "Host: evil.example";

	private static final Pattern SESSION = Pattern.compile("READERPASS_SESSION=([^;]+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final String AUTHORIZE = "/oauth2/authorize?response_type=code&client_id=zj-reader-app"
			+ "&redirect_uri=http://127.0.0.1:8082/callback&scope=openid%20profile&state=s1"
			+ "&code_challenge=ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU&code_challenge_method=S256";

	@LocalServerPort
	int port;

	@Autowired
	JWKSource<SecurityContext> keys;

	@Autowired
	SigningKeys signingKeys;

	String issuer;

	@BeforeEach
	void issuer() {
		this.issuer = "http://localhost:" + this.port;
	}

	@Test
	void discoveryWhenHostSpoofedThenIssuerAndEveryEndpointAreTheConfiguredOnes() throws Exception {
		for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", path, List.of(EVIL), null);

			assertThat(response.status()).isEqualTo(200);
			Map<String, Object> metadata = JSONObjectUtils.parse(response.body());
			assertThat(metadata.get("issuer")).isEqualTo(this.issuer);
			assertThat(metadata).allSatisfy((name, value) -> {
				if (name.endsWith("_endpoint") || name.equals("jwks_uri")) {
					assertThat((String) value).as(name).startsWith(this.issuer + "/");
				}
			});
			assertThat(response.body()).doesNotContain("evil.example");
		}
	}

	@Test
	void tokenWhenHostSpoofedThenIssIsTheConfiguredIssuer() throws Exception {
		RawHttp.Response response = RawHttp.send(this.port, "POST", "/oauth2/token",
				List.of(EVIL, "Authorization: Basic c3gtc3RhdHM6c3gtc3RhdHMtZGVtby1zZWNyZXQ=",
						"Content-Type: application/x-www-form-urlencoded"),
				"grant_type=client_credentials");

		assertThat(response.status()).isEqualTo(200);
		String accessToken = (String) JSONObjectUtils.parse(response.body()).get("access_token");
		assertThat(SignedJWT.parse(accessToken).getJWTClaimsSet().getIssuer()).isEqualTo(this.issuer);
	}

	@Test
	void authorizeWhenHostSpoofedAndNoSessionThenTheLoginPageWithoutTheSpoofedHost() throws Exception {
		RawHttp.Response response = RawHttp.send(this.port, "GET", AUTHORIZE, List.of(EVIL), null);

		// shown at once (no redirect), its form and links relative to this server
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("location")).isNull();
		assertThat(response.body()).contains("action=\"/login\"", "href=\"/login?lang=en\"").doesNotContain("evil.example");
	}

	@Test
	void authorizeWhenFormPostedWithHostSpoofedAndNoSessionThenRedirectedToTheConfiguredIssuersLoginPage()
			throws Exception {
		int question = AUTHORIZE.indexOf('?');
		RawHttp.Response response = RawHttp.send(this.port, "POST", AUTHORIZE.substring(0, question),
				List.of(EVIL, "Content-Type: application/x-www-form-urlencoded"), AUTHORIZE.substring(question + 1));

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.headers().get("location")).isEqualTo(this.issuer + "/login");
	}

	@Test
	void loginWhenAuthorizationRequestCameWithSpoofedHostThenSignedInReaderStaysOnThisServer() throws Exception {
		RawHttp.Response form = RawHttp.send(this.port, "GET", AUTHORIZE, List.of(EVIL), null);
		String cookie = "Cookie: READERPASS_SESSION=" + match(SESSION, form.headers().get("set-cookie"));
		String csrf = match(CSRF, form.body());

		RawHttp.Response signedIn = RawHttp.send(this.port, "POST", "/login",
				List.of(EVIL, cookie, "Content-Type: application/x-www-form-urlencoded"),
				"card=ZJ0002&password=zj0002-pass&_csrf=" + csrf);

		// the authorization request is continued within the POST: straight on to the app, whose
		// redirect URI is registered
		assertThat(signedIn.status()).isEqualTo(302);
		String location = signedIn.headers().get("location");
		assertThat(location).doesNotContain("evil.example").startsWith("http://127.0.0.1:8082/callback?code=")
			.endsWith("&state=s1");
	}

	@Test
	void adminApiWhenTokenSignedByThisServerNamesAnotherIssuerThenUnauthorized() throws Exception {
		RawHttp.Response token = RawHttp.send(this.port, "POST", "/oauth2/token",
				List.of("Host: localhost:" + this.port,
						"Authorization: Basic emotYWRtaW4tY2xpOnpqLWFkbWluLWNsaS1kZW1vLXNlY3JldA==",
						"Content-Type: application/x-www-form-urlencoded"),
				"grant_type=client_credentials&scope=readerpass.admin");
		assertThat(token.status()).isEqualTo(200);
		SignedJWT real = SignedJWT.parse((String) JSONObjectUtils.parse(token.body()).get("access_token"));
		String forged = resign(real, new JWTClaimsSet.Builder(real.getJWTClaimsSet()).issuer("http://evil.example").build());

		assertThat(adminGrants(real.serialize()).status()).as("the real token").isEqualTo(200);
		assertThat(adminGrants(resign(real, real.getJWTClaimsSet())).status()).as("re-signed, same issuer")
			.isEqualTo(200);
		assertThat(adminGrants(forged).status()).as("another issuer").isEqualTo(401);
	}

	@Test
	void protectedResourceWhenNoTokenAndHostSpoofedThenChallengeNamesOnlyThisServersMetadataAndItAnswers()
			throws Exception {
		for (String path : List.of("/api/admin/grants", "/userinfo")) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", path, List.of(EVIL), null);

			assertThat(response.status()).as(path).isEqualTo(401);
			String challenge = response.headers().get("www-authenticate");
			assertThat(challenge).as(path).startsWith("Bearer").doesNotContain("evil.example");
			Matcher metadata = Pattern.compile("resource_metadata=\"([^\"]+)\"").matcher(challenge);
			if (metadata.find()) {
				String url = metadata.group(1);
				assertThat(url).as(path).startsWith(this.issuer + "/");
				RawHttp.Response document = RawHttp.send(this.port, "GET", url.substring(this.issuer.length()),
						List.of("Host: localhost:" + this.port), null);
				assertThat(document.status()).as(url).isEqualTo(200);
				Map<String, Object> claims = JSONObjectUtils.parse(document.body());
				assertThat(claims.get("authorization_servers")).as(url).isEqualTo(List.of(this.issuer));
				assertThat((String) claims.get("resource")).as(url).startsWith(this.issuer);
			}
		}
	}

	private RawHttp.Response adminGrants(String token) throws Exception {
		return RawHttp.send(this.port, "GET", "/api/admin/grants",
				List.of("Host: localhost:" + this.port, "Authorization: Bearer " + token), null);
	}

	/** The claims signed with the server's current key, as the server signs its access tokens. */
	private String resign(SignedJWT original, JWTClaimsSet claims) throws Exception {
		String keyId = this.signingKeys.currentKeyId(SignatureAlgorithm.ES256);
		ECKey key = (ECKey) this.keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build()), null).get(0);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId)
			.type(new JOSEObjectType("at+jwt"))
			.build(), claims);
		jwt.sign(new ECDSASigner(key));
		assertThat(original.getHeader().getKeyID()).isEqualTo(keyId);
		return jwt.serialize();
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher((text != null) ? text : "");
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

}

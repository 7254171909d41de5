package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code private_key_jwt} (RFC 7523, OIDC Core §9) with the demo vendor's inline key: a stock client
 * library signs in a reader with it, and every assertion that is not exactly right — another key,
 * expired, too long-lived, for another audience, replayed, unsigned, HMAC-signed, naming another
 * client — is {@code 401 invalid_client}. Secret clients keep {@code client_secret_basic} and
 * {@code client_secret_post}. Keys fetched from a {@code jwks-uri}: {@link JwksUriTests}.
 */
@ReaderPassServerTest
class PrivateKeyJwtTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String VENDOR = "vendor-ebooks";

	@LocalServerPort
	int port;

	URI issuer;

	OIDCProviderMetadata metadata;

	@BeforeEach
	void discover() {
		this.issuer = URI.create("http://localhost:" + this.port);
		this.metadata = OidcClient.discover(this.issuer);
	}

	@Test
	void codeWhenStockClientAuthenticatesWithPrivateKeyJwtThenTokensIssuedAndItsOwnTokensIntrospected()
			throws Exception {
		Browser browser = new Browser(this.issuer);
		OidcClient vendor = OidcClient.vendorEbooks(this.metadata);
		Browser.Page afterLogin = browser.login(browser.get(vendor.authorizationRequest()), "ZJ0003", "zj0003-pass");

		OIDCTokenResponse tokens = vendor.exchange(afterLogin.location());
		IDTokenClaimsSet idToken = vendor.validate(tokens);
		Map<String, Object> introspection = JSONObjectUtils.parse(introspect(
				tokens.getOIDCTokens().getAccessToken().getValue(), vendorAssertion(claims -> { })).body());

		assertThat(idToken.getAudience()).extracting(Object::toString).containsExactly(VENDOR);
		assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();
		assertThat(introspection).containsEntry("active", true).containsEntry("client_id", VENDOR);
	}

	@Test
	void introspectWhenAssertionNamesTheIssuerOrTheTokenEndpointThenClientAuthenticated() throws Exception {
		for (String audience : List.of(this.issuer.toString(), this.issuer + "/oauth2/token")) {
			HttpResponse<String> response = introspect("not-a-token",
					vendorAssertion(claims -> claims.audience(audience)));

			assertThat(response.statusCode()).as(audience).isEqualTo(200);
			assertThat(JSONObjectUtils.parse(response.body())).as(audience).containsEntry("active", false);
		}
	}

	@Test
	void introspectWhenAudNamesTheRequestsHostInsteadOfTheIssuerThenInvalidClient() throws Exception {
		String spoofedHost = "Host: id.spoofed.example";
		String form = "Content-Type: application/x-www-form-urlencoded";
		String namingTheHost = vendorAssertion(claims -> claims.audience("http://id.spoofed.example/oauth2/token"));
		String namingTheIssuer = vendorAssertion(claims -> { });

		RawHttp.Response refused = RawHttp.send(this.port, "POST", "/oauth2/introspect", List.of(spoofedHost, form),
				ClientAssertions.form("token", "x", "client_assertion_type", ClientAssertions.JWT_BEARER,
						"client_assertion", namingTheHost));
		RawHttp.Response served = RawHttp.send(this.port, "POST", "/oauth2/introspect", List.of(spoofedHost, form),
				ClientAssertions.form("token", "x", "client_assertion_type", ClientAssertions.JWT_BEARER,
						"client_assertion", namingTheIssuer));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(JSONObjectUtils.parse(refused.body())).containsEntry("error", "invalid_client");
		assertThat(served.status()).as("the configured issuer, whatever Host the request names").isEqualTo(200);
	}

	@Test
	void introspectWhenTheSameAssertionComesTwiceThenTheSecondIsInvalidClient() throws Exception {
		String assertion = vendorAssertion(claims -> { });

		HttpResponse<String> first = introspect("not-a-token", assertion);
		HttpResponse<String> replay = introspect("not-a-token", assertion);

		assertThat(first.statusCode()).isEqualTo(200);
		assertInvalidClient(replay);
	}

	@Test
	void introspectWhenAssertionIsNotExactlyRightThenInvalidClient() throws Exception {
		ECKey vendorKey = DemoKeys.vendorEbooks();
		ECKey otherKey = new ECKeyGenerator(Curve.P_256).keyID(vendorKey.getKeyID()).generate();
		RSAKey rsaKey = new RSAKeyGenerator(2048).keyID("not-registered").generate();
		Instant now = Instant.now();
		Map<String, String> assertions = new LinkedHashMap<>();
		assertions.put("signed by another key with the registered kid",
				assertion(new ECDSASigner(otherKey), JWSAlgorithm.ES256, otherKey.getKeyID(), claims -> { }));
		assertions.put("RS256 by a key the client never registered",
				assertion(new RSASSASigner(rsaKey), JWSAlgorithm.RS256, rsaKey.getKeyID(), claims -> { }));
		assertions.put("expired", vendorAssertion(claims -> claims.issueTime(Date.from(now.minusSeconds(600)))
			.expirationTime(Date.from(now.minusSeconds(300)))));
		assertions.put("exp an hour ahead",
				vendorAssertion(claims -> claims.expirationTime(Date.from(now.plus(Duration.ofHours(1))))));
		assertions.put("no exp", vendorAssertion(claims -> claims.expirationTime(null)));
		assertions.put("aud another server",
				vendorAssertion(claims -> claims.audience("https://id.other.example/oauth2/token")));
		assertions.put("aud the introspection endpoint",
				vendorAssertion(claims -> claims.audience(this.issuer + "/oauth2/introspect")));
		assertions.put("no aud", vendorAssertion(claims -> claims.audience((String) null)));
		assertions.put("no jti", vendorAssertion(claims -> claims.jwtID(null)));
		assertions.put("iss another client", vendorAssertion(claims -> claims.issuer("sx-portal")));
		assertions.put("alg none", new PlainJWT(claims(claims -> { }).build()).serialize());
		assertions.put("HS256 keyed with the client's public key",
				assertion(new MACSigner(vendorKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)),
						JWSAlgorithm.HS256, vendorKey.getKeyID(), claims -> { }));
		assertions.put("not a JWT", "not-a-jwt");
		assertions.put("exp not a number", vendorAssertion(claims -> claims.claim("exp", "soon")));
		assertions.put("jti an object", vendorAssertion(claims -> claims.claim("jti", Map.of("id", 1))));

		SoftAssertions softly = new SoftAssertions();
		for (Map.Entry<String, String> assertion : assertions.entrySet()) {
			HttpResponse<String> response = introspect("not-a-token", assertion.getValue());
			softly.assertThat(response.statusCode()).as(assertion.getKey()).isEqualTo(401);
			softly.assertThat(response.body()).as(assertion.getKey()).contains("\"error\":\"invalid_client\"");
		}
		softly.assertAll();
	}

	@Test
	void tokenWhenAssertionNamesAnotherClientThenInvalidClient() throws Exception {
		// the vendor's key cannot speak for a secret client, nor can that client's secret make an assertion
		String asPortal = vendorAssertion(claims -> claims.issuer("sx-portal").subject("sx-portal"));
		String hs256WithPortalSecret = assertion(new MACSigner(padded("sx-portal-demo-secret")), JWSAlgorithm.HS256,
				null, claims -> claims.issuer("sx-portal").subject("sx-portal"));

		assertInvalidClient(token(ClientAssertions.form("grant_type", "client_credentials", "client_assertion_type", ClientAssertions.JWT_BEARER,
				"client_assertion", asPortal)));
		assertInvalidClient(token(ClientAssertions.form("grant_type", "client_credentials", "client_id", "sx-portal",
				"client_assertion_type", ClientAssertions.JWT_BEARER, "client_assertion", hs256WithPortalSecret)));
	}

	@Test
	void tokenWhenPrivateKeyJwtClientSendsNoAssertionThenInvalidClient() throws Exception {
		assertInvalidClient(token(ClientAssertions.form("grant_type", "client_credentials", "client_id", VENDOR)));
		assertInvalidClient(token(ClientAssertions.form("grant_type", "client_credentials", "client_id", VENDOR, "client_secret",
				"anything")));
	}

	@Test
	void tokenWhenClientSecretPostThenServed() throws Exception {
		TokenRequest request = new TokenRequest(this.metadata.getTokenEndpointURI(),
				new ClientSecretPost(new ClientID("sx-stats"), new Secret("sx-stats-demo-secret")),
				new ClientCredentialsGrant(), new Scope("usage.write"));

		TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());

		assertThat(request.toHTTPRequest().getAuthorization()).as("secret in the body, no Basic header").isNull();
		assertThat(response.indicatesSuccess()).isTrue();
	}

	// --- assertions

	/** Signed ES256 with the vendor's demo key, as the vendor's app signs. */
	private String vendorAssertion(Consumer<JWTClaimsSet.Builder> changes) throws JOSEException {
		ECKey key = DemoKeys.vendorEbooks();
		return assertion(new ECDSASigner(key), JWSAlgorithm.ES256, key.getKeyID(), changes);
	}

	private String assertion(JWSSigner signer, JWSAlgorithm algorithm, String keyId,
			Consumer<JWTClaimsSet.Builder> changes) throws JOSEException {
		return ClientAssertions.sign(signer, algorithm, keyId, claims(changes).build());
	}

	/** What a stock client sends, then the test's changes. */
	private JWTClaimsSet.Builder claims(Consumer<JWTClaimsSet.Builder> changes) {
		JWTClaimsSet.Builder claims = ClientAssertions.claims(VENDOR, this.issuer + "/oauth2/token");
		changes.accept(claims);
		return claims;
	}

	/** HS256 needs a 256-bit key: the secret repeated, as a client would have to. */
	private static byte[] padded(String secret) {
		return (secret + secret).getBytes(StandardCharsets.UTF_8);
	}

	// --- requests

	private HttpResponse<String> introspect(String token, String assertion) throws Exception {
		return post("/oauth2/introspect",
				ClientAssertions.form("token", token, "client_assertion_type", ClientAssertions.JWT_BEARER, "client_assertion", assertion));
	}

	private HttpResponse<String> token(String form) throws Exception {
		return post("/oauth2/token", form);
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(this.issuer.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertInvalidClient(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_client");
	}

}

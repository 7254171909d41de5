package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin rotates a signing key through the admin API, over real HTTP: tokens signed before keep
 * verifying — at the admin API, at userinfo, and for a stock client against the JWKS — unless the
 * admin retired the old key at once, when they are refused. A server of its own: rotations change
 * the keys every other test class's server would use.
 */
@SpringBootTest(classes = ReaderPassApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:readerpass-admin-key-rotation-test;DB_CLOSE_DELAY=-1",
				"readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY })
@DirtiesContext
class AdminKeyRotationTests {

	@LocalServerPort
	int port;

	URI issuer;

	OIDCProviderMetadata metadata;

	AdminCli admin;

	@BeforeEach
	void discover() {
		this.issuer = URI.create("http://localhost:" + this.port);
		this.metadata = OidcClient.discover(this.issuer);
		this.admin = new AdminCli(this.issuer);
	}

	@Test
	void rotateWhenAdminRotatesThenTokensSignedBeforeStillVerifyAtTheAdminApiUserinfoAndAgainstTheJwks()
			throws Exception {
		String adminToken = this.admin.token();
		OidcClient mobile = OidcClient.mobileApp(this.metadata);
		Browser browser = new Browser(this.issuer);
		OIDCTokenResponse reader = mobile.exchange(
				browser.login(browser.get(mobile.authorizationRequest()), "ZJ0002", "zj0002-pass").location());
		String before = SignedJWT.parse(adminToken).getHeader().getKeyID();

		HttpResponse<String> rotated = this.admin.call("POST", "/api/admin/keys/ES256/rotate", adminToken);

		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
		Map<String, Object> key = JSONObjectUtils.parse(rotated.body());
		String after = (String) key.get("kid");
		assertThat(after).isNotEqualTo(before);
		assertThat(key).containsEntry("algorithm", "ES256").containsEntry("state", "current");
		assertThat(rotated.headers().firstValue("Location")).contains("/api/admin/keys/" + after);
		assertThat(this.admin.call("GET", "/api/admin/keys", adminToken).statusCode())
			.as("the admin token signed before").isEqualTo(200);
		UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(this.metadata.getUserInfoEndpointURI(),
				reader.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send());
		assertThat(userInfo.indicatesSuccess()).as("the reader's access token signed before").isTrue();
		JWKSet jwks = JWKSet.load(this.metadata.getJWKSetURI().toURL());
		for (String token : List.of(adminToken, reader.getOIDCTokens().getAccessToken().getValue(),
				reader.getOIDCTokens().getIDToken().serialize())) {
			SignedJWT jwt = SignedJWT.parse(token);
			assertThat(jwt.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID())))).isTrue();
		}
		assertThat(mobile.validate(reader).getSubject()).as("a stock client validates the ID token").isNotNull();
		assertThat(SignedJWT.parse(this.admin.token()).getHeader().getKeyID()).as("new tokens").isEqualTo(after);

		Map<String, Map<String, Object>> keys = this.admin.keys();
		assertThat(keys.get(before)).containsEntry("state", "previous").containsKey("retiresAt");
		assertThat(keys.get(before).get("retiresAt")).isNotNull();
		assertThat(keys.get(after)).containsEntry("state", "current");
		assertThat(keys.values()).allSatisfy(listed -> assertThat(listed.keySet())
			.containsExactlyInAnyOrder("kid", "algorithm", "state", "createdAt", "activatesAt", "retiresAt"));
		Map<String, Object> audit = JSONObjectUtils.getJSONObjectArray(
				JSONObjectUtils.parse(this.admin.call("GET", "/api/admin/audit", adminToken).body()), "entries")[0];
		assertThat(audit).containsEntry("operation", "rotate")
			.containsEntry("targetKind", "signing-key")
			.containsEntry("targetId", "ES256")
			.containsEntry("actor", "zj-admin-cli")
			.containsEntry("clientId", "zj-admin-cli");
	}

	@Test
	void rotateWhenRetirePreviousThenTokensOfTheOldKeyAreRefusedAndNewOnesWork() throws Exception {
		String oldToken = this.admin.token();
		String before = SignedJWT.parse(oldToken).getHeader().getKeyID();

		HttpResponse<String> rotated = this.admin.call("POST", "/api/admin/keys/ES256/rotate?retire-previous=true",
				oldToken);

		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
		assertThat(this.admin.call("GET", "/api/admin/keys", oldToken).statusCode()).isEqualTo(401);
		assertThat(JWKSet.load(this.metadata.getJWKSetURI().toURL()).getKeyByKeyId(before)).isNull();
		assertThat(this.admin.keys().get(before)).containsEntry("state", "retired");
	}

	@Test
	void keysWhenAskedWrongThenProblemsAndNoPrivateMaterial() throws Exception {
		String token = this.admin.token();

		HttpResponse<String> unknown = this.admin.call("POST", "/api/admin/keys/HS256/rotate", token);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSONObjectUtils.parse(unknown.body())).containsEntry("type", "urn:readerpass:problem:invalid-request")
			.containsEntry("detail", "algorithm: must be ES256 or RS256");
		assertThat(JSONObjectUtils.parse(this.admin.call("POST", "/api/admin/keys/ES256/rotate?retire-previous=yes", token)
			.body())).containsEntry("detail", "retire-previous: must be true or false");
		assertThat(this.admin.call("GET", "/api/admin/keys/no-such-kid", token).statusCode()).isEqualTo(404);
		assertThat(this.admin.call("GET", "/api/admin/keys", null).statusCode()).isEqualTo(401);
		assertThat(this.admin.call("POST", "/api/admin/keys/ES256/rotate", null).statusCode()).isEqualTo(401);
		HttpResponse<String> list = this.admin.call("GET", "/api/admin/keys", token);
		assertThat(list.body()).doesNotContain("\"d\"", "\"x\"", "\"n\"", "sealed", "private");
		assertThat(this.admin.keys().values()).extracting(key -> key.get("algorithm") + " " + key.get("state"))
			.contains("ES256 current", "RS256 current");
	}

}

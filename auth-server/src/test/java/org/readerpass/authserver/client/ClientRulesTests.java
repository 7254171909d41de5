package org.readerpass.authserver.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.client.ClientProperties.AuthMethod;
import org.readerpass.authserver.client.ClientProperties.Jwks;
import org.readerpass.authserver.client.ClientProperties.Registration;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRulesTests {

	private static List<String> check(TestRegistrations registration) {
		return check(registration.build(), false);
	}

	private static List<String> check(Registration registration, boolean allowLoopbackJwksUri) {
		return ClientRules.check("c", registration, allowLoopbackJwksUri);
	}

	private static Jwks jwks(JWK... keys) {
		return new Jwks(List.of(keys).stream().map(JWK::toJSONObject).toList());
	}

	private static ECKey ecKey(String keyId) throws Exception {
		return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
	}

	@Test
	void checkWhenWellFormedThenNoProblems() {
		assertThat(check(TestRegistrations.web())).isEmpty();
		assertThat(check(TestRegistrations.nativeApp())).isEmpty();
		assertThat(check(TestRegistrations.service())).isEmpty();
		assertThat(check(TestRegistrations.web().tokenEndpointAuthMethod(AuthMethod.CLIENT_SECRET))).isEmpty();
	}

	@Test
	void checkWhenSecretInClearOrMissingThenNamedProblem() {
		assertThat(check(TestRegistrations.web().secretHash("plain-secret"))).singleElement()
			.asString()
			.startsWith("c.secret-hash: must be the {sha256} hash");
		assertThat(check(TestRegistrations.service().secretHash(null))).singleElement()
			.asString()
			.startsWith("c.secret-hash: required");
		assertThat(check(TestRegistrations.nativeApp().secretHash(TestRegistrations.SECRET_HASH))).singleElement()
			.asString()
			.contains("native (public) client has no secret");
	}

	@Test
	void checkWhenRedirectUriUnsafeThenEveryProblemNamed() {
		assertThat(check(TestRegistrations.web()
			.redirectUris(URI.create("http://portal.example/cb"), URI.create("https://portal.example/cb#x"),
					URI.create("/relative"))))
			.hasSize(3);
		assertThat(check(TestRegistrations.web().redirectUris())).singleElement()
			.asString()
			.contains("at least one is required");
	}

	@Test
	void checkWhenPrivateKeyJwtWithInlineKeysOrHttpsJwksUriThenNoProblems() throws Exception {
		Jwks keys = jwks(ecKey("k1").toPublicJWK(),
				new RSAKeyGenerator(2048).keyID("k2").keyUse(KeyUse.SIGNATURE).generate().toPublicJWK());

		assertThat(check(TestRegistrations.web().privateKeyJwt(keys))).isEmpty();
		assertThat(check(TestRegistrations.service().privateKeyJwt(keys))).isEmpty();
		assertThat(check(TestRegistrations.service()
			.tokenEndpointAuthMethod(AuthMethod.PRIVATE_KEY_JWT)
			.secretHash(null)
			.jwksUri("https://vendor.example/.well-known/jwks.json"))).isEmpty();
	}

	@Test
	void checkWhenPrivateKeyJwtWithNeitherOrBothKeySourcesThenNamedProblem() throws Exception {
		TestRegistrations neither = TestRegistrations.service()
			.tokenEndpointAuthMethod(AuthMethod.PRIVATE_KEY_JWT)
			.secretHash(null);
		TestRegistrations both = TestRegistrations.service()
			.privateKeyJwt(jwks(ecKey("k1").toPublicJWK()))
			.jwksUri("https://vendor.example/jwks.json");

		assertThat(check(neither)).containsExactly(
				"c.jwks, jwks-uri: a private_key_jwt client needs exactly one of them");
		assertThat(check(both)).containsExactly("c.jwks, jwks-uri: a private_key_jwt client needs exactly one of them");
	}

	@Test
	void checkWhenPrivateKeyJwtClientHasASecretThenNamedProblem() throws Exception {
		assertThat(check(TestRegistrations.web()
			.privateKeyJwt(jwks(ecKey("k1").toPublicJWK()))
			.secretHash(TestRegistrations.SECRET_HASH)))
			.containsExactly("c.secret-hash: a private_key_jwt client has no secret");
	}

	@Test
	void checkWhenKeysWithoutPrivateKeyJwtThenNamedProblem() throws Exception {
		assertThat(check(TestRegistrations.web().jwks(jwks(ecKey("k1").toPublicJWK()))))
			.containsExactly("c.jwks, jwks-uri: only for token-endpoint-auth-method private_key_jwt");
		assertThat(check(TestRegistrations.service().jwksUri("https://vendor.example/jwks.json")))
			.containsExactly("c.jwks, jwks-uri: only for token-endpoint-auth-method private_key_jwt");
	}

	@Test
	void checkWhenNativeClientChoosesAnAuthenticationMethodThenNamedProblem() throws Exception {
		assertThat(check(TestRegistrations.nativeApp().tokenEndpointAuthMethod(AuthMethod.CLIENT_SECRET)))
			.singleElement()
			.asString()
			.startsWith("c.token-endpoint-auth-method: a native (public) client authenticates with none");
		assertThat(check(TestRegistrations.nativeApp().privateKeyJwt(jwks(ecKey("k1").toPublicJWK()))))
			.singleElement()
			.asString()
			.startsWith("c.token-endpoint-auth-method:");
	}

	@Test
	void checkWhenJwksUriIsNotHttpsThenNamedProblem() {
		for (String uri : List.of("http://vendor.example/jwks.json", "file:/etc/jwks.json", "ftp://vendor.example/j",
				"http://10.30.16.5/jwks.json")) {
			assertThat(check(jwksUri(uri), true)).as(uri).singleElement().asString().startsWith("c.jwks-uri: '" + uri);
		}
		for (String uri : List.of("/jwks.json", "https://vendor.example/jwks.json#keys",
				"https://user:pw@vendor.example/jwks.json")) {
			assertThat(check(jwksUri(uri), true)).as(uri).singleElement().asString().contains("must be an absolute URL");
		}
	}

	@Test
	void checkWhenJwksUriIsLoopbackHttpThenOnlyWithTheFlag() {
		for (String uri : List.of("http://127.0.0.1:8085/jwks.json", "http://localhost/jwks.json",
				"http://[::1]:8085/jwks.json")) {
			assertThat(check(jwksUri(uri), false)).as(uri)
				.singleElement()
				.asString()
				.contains("readerpass.clients.allow-loopback-jwks-uri=true");
			assertThat(check(jwksUri(uri), true)).as(uri).isEmpty();
		}
	}

	@Test
	void checkWhenInlineKeysAreUnfitThenEachNamed() throws Exception {
		ECKey withPrivatePart = ecKey("private");
		Jwks unfit = jwks(withPrivatePart, new RSAKeyGenerator(1024, true).keyID("short").generate().toPublicJWK(),
				new ECKeyGenerator(Curve.P_384).keyID("p384").generate().toPublicJWK(),
				new OctetSequenceKeyGenerator(256).keyID("hmac").generate(),
				ecKey("for-encryption").toPublicJWK(), ecKey("twice").toPublicJWK(), ecKey("twice").toPublicJWK());
		List<Map<String, Object>> keys = new ArrayList<>(unfit.keys());
		Map<String, Object> encryption = new LinkedHashMap<>(keys.get(4));
		encryption.put("use", "enc");
		keys.set(4, encryption);

		assertThat(check(TestRegistrations.service().privateKeyJwt(new Jwks(keys)))).containsExactly(
				"c.jwks.keys[0] (private): holds a private key; give the public key only",
				"c.jwks.keys[1] (short): an RSA key needs at least 2048 bits",
				"c.jwks.keys[2] (p384): only RSA (RS256, PS256) and P-256 EC (ES256) keys verify assertions",
				"c.jwks.keys[3] (hmac): holds a private key; give the public key only",
				"c.jwks.keys[3] (hmac): only RSA (RS256, PS256) and P-256 EC (ES256) keys verify assertions",
				"c.jwks.keys[4] (for-encryption): use must be sig", "c.jwks.keys[6] (twice): kid used twice");
	}

	@Test
	void checkWhenInlineKeysAreNoJwksThenNamedProblem() {
		assertThat(check(TestRegistrations.service().privateKeyJwt(new Jwks(List.of()))))
			.containsExactly("c.jwks: no key");
		assertThat(check(TestRegistrations.service().privateKeyJwt(new Jwks(List.of(Map.of("kty", "RSA"))))))
			.singleElement()
			.asString()
			.startsWith("c.jwks: not a JWKS of well-formed keys");
	}

	private static Registration jwksUri(String uri) {
		return TestRegistrations.service()
			.tokenEndpointAuthMethod(AuthMethod.PRIVATE_KEY_JWT)
			.secretHash(null)
			.jwksUri(uri)
			.build();
	}

	@Test
	void checkWhenPairwiseWithOneRedirectHostOrASectorIdentifierThenNoProblemsAndThatSector() {
		Registration byHost = TestRegistrations.web()
			.pairwise()
			.redirectUris(URI.create("https://Vendor.Example/cb"), URI.create("https://vendor.example/other"))
			.build();
		Registration named = TestRegistrations.nativeApp().pairwise().sectorIdentifier("Ebooks.Vendor.Example").build();

		assertThat(check(byHost, false)).isEmpty();
		assertThat(ClientRules.sector(byHost)).isEqualTo("vendor.example");
		assertThat(check(named, false)).isEmpty();
		assertThat(ClientRules.sector(named)).isEqualTo("ebooks.vendor.example");
		assertThat(ClientRules.sector(TestRegistrations.web().build())).as("public").isNull();
	}

	@Test
	void checkWhenPairwiseRedirectUrisOnSeveralHostsOrNoneWithoutSectorIdentifierThenNamedProblem() {
		assertThat(check(TestRegistrations.web()
			.pairwise()
			.redirectUris(URI.create("https://a.example/cb"), URI.create("https://b.example/cb"))))
			.containsExactly("c.sector-identifier: required, as the redirect URIs are not all on one host "
					+ "[a.example, b.example] (a private-use scheme has none)");
		assertThat(check(TestRegistrations.nativeApp().pairwise())).singleElement()
			.asString()
			.startsWith("c.sector-identifier: required");
		assertThat(check(TestRegistrations.nativeApp()
			.pairwise()
			.redirectUris(URI.create("cn.zjlib.reader:/cb")))).singleElement()
			.asString()
			.startsWith("c.sector-identifier: required");
	}

	@Test
	void checkWhenSectorIdentifierIsNoHostNameThenNamedProblem() {
		for (String sector : List.of("https://vendor.example", "vendor.example:443", "vendor.example/path", "-x.example",
				"")) {
			assertThat(check(TestRegistrations.web().pairwise().sectorIdentifier(sector))).as(sector)
				.containsExactly("c.sector-identifier: '" + sector
						+ "' must be a host name such as vendor.example (no scheme, port or path)");
		}
	}

	@Test
	void checkWhenSectorIdentifierOnAPublicClientThenNamedProblem() {
		assertThat(check(TestRegistrations.web().sectorIdentifier("vendor.example")))
			.containsExactly("c.sector-identifier: only for subject-type pairwise");
	}

	@Test
	void checkWhenPairwiseServiceOrAdminClientThenNamedProblem() {
		assertThat(check(TestRegistrations.service().pairwise().sectorIdentifier("vendor.example"))).singleElement()
			.asString()
			.startsWith("c.subject-type: a service client acts for no reader");
		assertThat(check(TestRegistrations.web().pairwise().scopes("openid", "readerpass.admin"))).singleElement()
			.asString()
			.startsWith("c.subject-type: the admin API knows admin readers by their public sub");
	}

	@Test
	void checkWhenDeviceClientWellFormedThenNoProblems() {
		assertThat(check(TestRegistrations.device())).isEmpty();
	}

	@Test
	void checkWhenDeviceClientHasSecretRedirectUriOrOpenidThenEachNamed() {
		assertThat(check(TestRegistrations.device()
			.secretHash(TestRegistrations.SECRET_HASH)
			.redirectUris(URI.create("http://127.0.0.1/cb"))
			.scopes("openid", "library"))).containsExactly("c.secret-hash: a device (public) client has no secret",
					"c.redirect-uris: a device client has no redirect URI",
					"c.scopes: the device grant issues no ID token, so a device client cannot ask for openid");
	}

	@Test
	void checkWhenLogoutUrisUnsafeThenEveryProblemNamed() {
		assertThat(check(TestRegistrations.web()
			.postLogoutRedirectUris(URI.create("http://portal.example/bye"), URI.create("https://portal.example/#x"))
			.backchannelLogoutUri("http://portal.example/backchannel"))).containsExactly(
					"c.post-logout-redirect-uris: 'http://portal.example/bye' uses plain http on a non-loopback host",
					"c.post-logout-redirect-uris: 'https://portal.example/#x' must be absolute and without a fragment",
					"c.backchannel-logout-uri: 'http://portal.example/backchannel' must be an absolute https URI "
							+ "(plain http only on a loopback host)");
		assertThat(check(TestRegistrations.service().backchannelLogoutUri("https://svc.example/backchannel")))
			.singleElement()
			.asString()
			.startsWith("c.backchannel-logout-uri: a service client signs no reader in");
	}

	@Test
	void checkWhenLoopbackBackchannelUriThenAccepted() {
		assertThat(check(TestRegistrations.web()
			.redirectUris(URI.create("http://127.0.0.1:8081/cb"))
			.postLogoutRedirectUris(URI.create("http://127.0.0.1:8081/"))
			.backchannelLogoutUri("http://127.0.0.1:8081/backchannel"))).isEmpty();
	}

	@Test
	void checkWhenThirdPartyWithoutOperatorOrADeviceThenNamedProblem() {
		assertThat(check(TestRegistrations.web().scopes("openid", "email").thirdParty(" "))).singleElement()
			.asString()
			.startsWith("c.operator: required");
		assertThat(check(TestRegistrations.device().thirdParty("Vendor Ltd."))).singleElement()
			.asString()
			.startsWith("c.party: the TV box confirmation page asks for no consent yet");
	}

	@Test
	void checkWhenIdTokenAlgorithmNotOneTheServerSignsWithThenNamedProblem() {
		for (String algorithm : List.of("HS256", "none", "es256", "PS256")) {
			assertThat(check(TestRegistrations.web().idTokenSignedResponseAlg(algorithm))).as(algorithm)
				.singleElement()
				.asString()
				.isEqualTo("c.id-token-signed-response-alg: '" + algorithm
						+ "' is not one the server signs with; use RS256 (the default) or ES256");
		}
		assertThat(check(TestRegistrations.nativeApp().idTokenSignedResponseAlg("ES256"))).isEmpty();
		assertThat(check(TestRegistrations.web().idTokenSignedResponseAlg("RS256"))).isEmpty();
	}

	@Test
	void checkWhenServiceClientRegistersIdTokenAlgorithmThenProblem() {
		assertThat(check(TestRegistrations.service().idTokenSignedResponseAlg("ES256"))).singleElement()
			.asString()
			.isEqualTo("c.id-token-signed-response-alg: a service client gets no ID token");
	}

	@Test
	void idTokenAlgorithmWhenNoneRegisteredThenRs256ElseTheRegisteredOne() {
		assertThat(ClientRules.idTokenAlgorithm(TestRegistrations.web().build())).isEqualTo(SignatureAlgorithm.RS256);
		assertThat(ClientRules.idTokenAlgorithm(TestRegistrations.nativeApp().idTokenSignedResponseAlg("ES256").build()))
			.isEqualTo(SignatureAlgorithm.ES256);
		assertThat(ClientRules.idTokenAlgorithm(TestRegistrations.web().idTokenSignedResponseAlg("RS256").build()))
			.isEqualTo(SignatureAlgorithm.RS256);
	}

	@Test
	void checkTokenLifetimeWhenAccessTokensOutliveTheKeysRetentionThenNamedProblem() {
		Duration longest = Duration.ofDays(1).minusMinutes(5);
		assertThat(ClientRules.checkTokenLifetime("c", TestRegistrations.service().accessTokenTtl(longest).build(),
				longest)).isEmpty();
		assertThat(ClientRules.checkTokenLifetime("c",
				TestRegistrations.service().accessTokenTtl(longest.plusSeconds(1)).build(), longest))
			.singleElement()
			.asString()
			.startsWith("c.access-token-ttl: PT23H55M1S is longer than readerpass.keys.rotation.retain-after");
	}

}

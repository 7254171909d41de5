package org.readerpass.authserver.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.client.ClientProperties.ClientType;
import org.readerpass.authserver.client.ClientProperties.Registration;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRulesTests {

	private static final String HASH = new ClientSecretHasher().encode("s");

	private static Registration registration(ClientType type, String secretHash, List<URI> redirects,
			Set<String> scopes) {
		return new Registration("app", "App", type, secretHash, redirects, scopes, Duration.ofMinutes(10), Set.of(),
				List.of(), null, ClientProperties.ClientParty.FIRST_PARTY, null, null, null);
	}

	@Test
	void checkWhenWellFormedThenNoProblems() {
		assertThat(ClientRules.check("c", registration(ClientType.WEB, HASH,
				List.of(URI.create("https://portal.example/cb")), Set.of("openid")))).isEmpty();
		assertThat(ClientRules.check("c", registration(ClientType.NATIVE, null,
				List.of(URI.create("cn.zjlib.reader:/cb"), URI.create("http://127.0.0.1:8082/cb")), Set.of("openid"))))
			.isEmpty();
		assertThat(ClientRules.check("c", registration(ClientType.SERVICE, HASH, List.of(), Set.of("usage.write"))))
			.isEmpty();
		assertThat(ClientRules.check("c", registration(ClientType.DEVICE, null, List.of(), Set.of("library"))))
			.isEmpty();
	}

	@Test
	void checkWhenDeviceClientHasSecretRedirectUriOrOpenidThenEachNamed() {
		assertThat(ClientRules.check("c", registration(ClientType.DEVICE, HASH,
				List.of(URI.create("http://127.0.0.1/cb")), Set.of("openid", "library"))))
			.containsExactly("c.secret-hash: a device (public) client has no secret",
					"c.redirect-uris: a device client has no redirect URI",
					"c.scopes: the device grant issues no ID token, so a device client cannot ask for openid");
	}

	@Test
	void checkWhenSecretInClearOrMissingThenNamedProblem() {
		assertThat(ClientRules.check("c", registration(ClientType.WEB, "plain-secret",
				List.of(URI.create("https://portal.example/cb")), Set.of("openid"))))
			.singleElement()
			.asString()
			.startsWith("c.secret-hash: must be the {sha256} hash");
		assertThat(ClientRules.check("c", registration(ClientType.SERVICE, null, List.of(), Set.of("x"))))
			.singleElement()
			.asString()
			.startsWith("c.secret-hash: required");
		assertThat(ClientRules.check("c", registration(ClientType.NATIVE, HASH,
				List.of(URI.create("http://127.0.0.1/cb")), Set.of("openid"))))
			.singleElement()
			.asString()
			.contains("native (public) client has no secret");
	}

	@Test
	void checkWhenRedirectUriUnsafeThenEveryProblemNamed() {
		assertThat(ClientRules.check("c", registration(ClientType.WEB, HASH,
				List.of(URI.create("http://portal.example/cb"), URI.create("https://portal.example/cb#x"),
						URI.create("/relative")),
				Set.of("openid"))))
			.hasSize(3);
		assertThat(ClientRules.check("c", registration(ClientType.WEB, HASH, List.of(), Set.of("openid"))))
			.singleElement()
			.asString()
			.contains("at least one is required");
	}

	@Test
	void checkWhenLogoutUrisUnsafeThenEveryProblemNamed() {
		Registration web = new Registration("app", "App", ClientType.WEB, HASH,
				List.of(URI.create("https://portal.example/cb")), Set.of("openid"), Duration.ofMinutes(10), Set.of(),
				List.of(URI.create("http://portal.example/bye"), URI.create("https://portal.example/#x")),
				URI.create("http://portal.example/backchannel"), ClientProperties.ClientParty.FIRST_PARTY, null, null, null);
		assertThat(ClientRules.check("c", web)).containsExactly(
				"c.post-logout-redirect-uris: 'http://portal.example/bye' uses plain http on a non-loopback host",
				"c.post-logout-redirect-uris: 'https://portal.example/#x' must be absolute and without a fragment",
				"c.backchannel-logout-uri: 'http://portal.example/backchannel' must be an absolute https URI "
						+ "(plain http only on a loopback host)");
		Registration service = new Registration("svc", "Service", ClientType.SERVICE, HASH, List.of(),
				Set.of("usage.write"), Duration.ofMinutes(10), Set.of(), List.of(),
				URI.create("https://svc.example/backchannel"), ClientProperties.ClientParty.FIRST_PARTY, null, null, null);
		assertThat(ClientRules.check("c", service)).singleElement().asString()
			.startsWith("c.backchannel-logout-uri: a service client signs no reader in");
	}

	@Test
	void checkWhenLoopbackBackchannelUriThenAccepted() {
		Registration web = new Registration("app", "App", ClientType.WEB, HASH,
				List.of(URI.create("http://127.0.0.1:8081/cb")), Set.of("openid"), Duration.ofMinutes(10), Set.of(),
				List.of(URI.create("http://127.0.0.1:8081/")), URI.create("http://127.0.0.1:8081/backchannel"),
				ClientProperties.ClientParty.FIRST_PARTY, null, null, null);
		assertThat(ClientRules.check("c", web)).isEmpty();
	}

	@Test
	void checkWhenThirdPartyWithoutOperatorThenNamedProblem() {
		Registration vendor = new Registration("vendor", "Vendor app", ClientType.WEB, HASH,
				List.of(URI.create("https://vendor.example/cb")), Set.of("openid", "email"), Duration.ofMinutes(10),
				Set.of(), List.of(), null, ClientProperties.ClientParty.THIRD_PARTY, " ", null, null);
		assertThat(ClientRules.check("c", vendor)).singleElement().asString().startsWith("c.operator: required");
	}

	@Test
		void checkWhenIdTokenAlgorithmNotOneTheServerSignsWithThenNamedProblem() {
		for (String algorithm : List.of("HS256", "none", "es256", "PS256")) {
			assertThat(ClientRules.check("c", withIdTokenAlgorithm(ClientType.WEB, algorithm))).as(algorithm)
				.singleElement()
				.asString()
				.isEqualTo("c.id-token-signed-response-alg: '" + algorithm
						+ "' is not one the server signs with; use RS256 (the default) or ES256");
		}
		assertThat(ClientRules.check("c", withIdTokenAlgorithm(ClientType.NATIVE, "ES256"))).isEmpty();
		assertThat(ClientRules.check("c", withIdTokenAlgorithm(ClientType.WEB, "RS256"))).isEmpty();
	}

	@Test
	void checkWhenServiceClientRegistersIdTokenAlgorithmThenProblem() {
		Registration service = new Registration("app", "App", ClientType.SERVICE, HASH, List.of(), Set.of("usage.write"),
				Duration.ofMinutes(10), Set.of(), List.of(), null, ClientProperties.ClientParty.FIRST_PARTY, null, null, "ES256");
		assertThat(ClientRules.check("c", service)).singleElement()
			.asString()
			.isEqualTo("c.id-token-signed-response-alg: a service client gets no ID token");
	}

	@Test
	void idTokenAlgorithmWhenNoneRegisteredThenRs256ElseTheRegisteredOne() {
		assertThat(ClientRules.idTokenAlgorithm(withIdTokenAlgorithm(ClientType.WEB, null)))
			.isEqualTo(SignatureAlgorithm.RS256);
		assertThat(ClientRules.idTokenAlgorithm(withIdTokenAlgorithm(ClientType.NATIVE, "ES256")))
			.isEqualTo(SignatureAlgorithm.ES256);
		assertThat(ClientRules.idTokenAlgorithm(withIdTokenAlgorithm(ClientType.WEB, "RS256")))
			.isEqualTo(SignatureAlgorithm.RS256);
	}

	@Test
	void checkTokenLifetimeWhenAccessTokensOutliveTheKeysRetentionThenNamedProblem() {
		Duration longest = Duration.ofDays(1).minusMinutes(5);
		assertThat(ClientRules.checkTokenLifetime("c", withTtl(longest), longest)).isEmpty();
		assertThat(ClientRules.checkTokenLifetime("c", withTtl(longest.plusSeconds(1)), longest)).singleElement()
			.asString()
			.startsWith("c.access-token-ttl: PT23H55M1S is longer than readerpass.keys.rotation.retain-after");
	}

	private static Registration withIdTokenAlgorithm(ClientType type, String algorithm) {
		return new Registration("app", "App", type, (type == ClientType.NATIVE) ? null : HASH,
				List.of(URI.create("https://portal.example/cb")), Set.of("openid"), Duration.ofMinutes(10), Set.of(),
				List.of(), null, ClientProperties.ClientParty.FIRST_PARTY, null, null, algorithm);
	}

	private static Registration withTtl(Duration ttl) {
		return new Registration("app", "App", ClientType.SERVICE, HASH, List.of(), Set.of("usage.write"), ttl, Set.of(),
				List.of(), null, ClientProperties.ClientParty.FIRST_PARTY, null, null, null);
	}

}

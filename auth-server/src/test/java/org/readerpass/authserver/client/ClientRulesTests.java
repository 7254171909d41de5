package org.readerpass.authserver.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.client.ClientProperties.ClientType;
import org.readerpass.authserver.client.ClientProperties.Registration;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRulesTests {

	private static final String HASH = new ClientSecretHasher().encode("s");

	private static Registration registration(ClientType type, String secretHash, List<URI> redirects,
			Set<String> scopes) {
		return new Registration("app", "App", type, secretHash, redirects, scopes, Duration.ofMinutes(10),
				Duration.ofMinutes(60), Set.of());
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

}

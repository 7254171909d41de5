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
		return new Registration("app", "App", type, secretHash, redirects, scopes, Duration.ofMinutes(10), Set.of(),
				List.of(), null, ClientProperties.ClientParty.FIRST_PARTY, null, null);
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
				URI.create("http://portal.example/backchannel"), ClientProperties.ClientParty.FIRST_PARTY, null, null);
		assertThat(ClientRules.check("c", web)).containsExactly(
				"c.post-logout-redirect-uris: 'http://portal.example/bye' uses plain http on a non-loopback host",
				"c.post-logout-redirect-uris: 'https://portal.example/#x' must be absolute and without a fragment",
				"c.backchannel-logout-uri: 'http://portal.example/backchannel' must be an absolute https URI "
						+ "(plain http only on a loopback host)");
		Registration service = new Registration("svc", "Service", ClientType.SERVICE, HASH, List.of(),
				Set.of("usage.write"), Duration.ofMinutes(10), Set.of(), List.of(),
				URI.create("https://svc.example/backchannel"), ClientProperties.ClientParty.FIRST_PARTY, null, null);
		assertThat(ClientRules.check("c", service)).singleElement().asString()
			.startsWith("c.backchannel-logout-uri: a service client signs no reader in");
	}

	@Test
	void checkWhenLoopbackBackchannelUriThenAccepted() {
		Registration web = new Registration("app", "App", ClientType.WEB, HASH,
				List.of(URI.create("http://127.0.0.1:8081/cb")), Set.of("openid"), Duration.ofMinutes(10), Set.of(),
				List.of(URI.create("http://127.0.0.1:8081/")), URI.create("http://127.0.0.1:8081/backchannel"),
				ClientProperties.ClientParty.FIRST_PARTY, null, null);
		assertThat(ClientRules.check("c", web)).isEmpty();
	}

	@Test
	void checkWhenThirdPartyWithoutOperatorThenNamedProblem() {
		Registration vendor = new Registration("vendor", "Vendor app", ClientType.WEB, HASH,
				List.of(URI.create("https://vendor.example/cb")), Set.of("openid", "email"), Duration.ofMinutes(10),
				Set.of(), List.of(), null, ClientProperties.ClientParty.THIRD_PARTY, " ", null);
		assertThat(ClientRules.check("c", vendor)).singleElement().asString().startsWith("c.operator: required");
	}

}

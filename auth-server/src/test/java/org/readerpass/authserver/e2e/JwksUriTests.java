package org.readerpass.authserver.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code private_key_jwt} with keys from a client's {@code jwks-uri}, served by a loopback HTTP
 * server the test starts (the test network allows loopback {@code http}, 500 ms timeouts, an 8 KB
 * limit and one refetch interval of an hour): fetched once and cached, fetched again for a new
 * {@code kid} but not for every unknown one, and a JWKS that never comes, redirects or is too large
 * is {@code 401 invalid_client} — quickly, never a hang or a 500.
 */
@SpringBootTest(classes = ReaderPassApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "readerpass.network-file=classpath:jwks-uri-network.yml",
				"spring.datasource.url=jdbc:h2:mem:readerpass-jwks-uri-test;DB_CLOSE_DELAY=-1",
				"readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY })
class JwksUriTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Map<String, AtomicInteger> FETCHES = new ConcurrentHashMap<>();

	private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();

	private static final RSAKey RSA_KEY = rsaKey("rsa-1");

	private static HttpServer jwksServer;

	private static ServerSocket silentServer;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void jwksServers(DynamicPropertyRegistry registry) throws IOException {
		jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		jwksServer.createContext("/", JwksUriTests::serve);
		jwksServer.start();
		// accepts connections (the kernel's backlog does) and never answers
		silentServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		DOCUMENTS.put("/cached.json", new JWKSet(RSA_KEY.toPublicJWK()).toString());
		DOCUMENTS.put("/rotating.json", new JWKSet(RSA_KEY.toPublicJWK()).toString());
		DOCUMENTS.put("/redirect-target.json", new JWKSet(RSA_KEY.toPublicJWK()).toString());
		DOCUMENTS.put("/huge.json", "{\"keys\":[" + RSA_KEY.toPublicJWK().toJSONString() + "],\"padding\":\""
				+ "x".repeat(10_000) + "\"}");
		registry.add("test.jwks.base", () -> "http://127.0.0.1:" + jwksServer.getAddress().getPort());
		registry.add("test.jwks.silent", () -> "http://127.0.0.1:" + silentServer.getLocalPort());
	}

	@AfterAll
	static void stopServers() throws IOException {
		jwksServer.stop(0);
		silentServer.close();
	}

	private static void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		FETCHES.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
		if (path.equals("/redirect.json")) {
			exchange.getResponseHeaders().add("Location", "/redirect-target.json");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
			return;
		}
		String document = DOCUMENTS.get(path);
		byte[] body = (document != null) ? document.getBytes(StandardCharsets.UTF_8) : new byte[0];
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders((document != null) ? 200 : 404, (body.length > 0) ? body.length : -1);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Test
	void tokenWhenKeysComeFromJwksUriThenFetchedOnceAndCached() throws Exception {
		HttpResponse<String> rs256 = token("keys-cached", rs256("keys-cached", RSA_KEY));
		HttpResponse<String> ps256 = token("keys-cached", sign("keys-cached", RSA_KEY, JWSAlgorithm.PS256));

		assertThat(rs256.statusCode()).isEqualTo(200);
		assertThat(ps256.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(ps256.body())).containsKey("access_token");
		assertThat(fetches("/cached.json")).as("the second assertion is checked against the cached JWKS").isEqualTo(1);
	}

	@Test
	void tokenWhenAssertionNamesANewKidThenFetchedAgainButNotForEveryUnknownKid() throws Exception {
		ECKey addedKey = new ECKeyGenerator(Curve.P_256).keyID("ec-2").generate();
		ECKey neverPublished = new ECKeyGenerator(Curve.P_256).keyID("ec-never").generate();

		HttpResponse<String> before = token("keys-rotating", rs256("keys-rotating", RSA_KEY));
		DOCUMENTS.put("/rotating.json", new JWKSet(List.of(RSA_KEY.toPublicJWK(), addedKey.toPublicJWK()))
			.toString());
		HttpResponse<String> withAddedKey = token("keys-rotating", es256("keys-rotating", addedKey));
		int fetchesAfterRotation = fetches("/rotating.json");
		HttpResponse<String> unknownKid = token("keys-rotating", es256("keys-rotating", neverPublished));
		HttpResponse<String> anotherUnknownKid = token("keys-rotating", es256("keys-rotating", neverPublished));

		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(withAddedKey.statusCode()).isEqualTo(200);
		assertThat(fetchesAfterRotation).isEqualTo(2);
		assertInvalidClient(unknownKid);
		assertInvalidClient(anotherUnknownKid);
		assertThat(fetches("/rotating.json")).as("at most two fetches per refetch interval").isEqualTo(2);
	}

	@Test
	void tokenWhenJwksUriNeverAnswersThenTheServerGivesUpWithInvalidClient() throws Exception {
		// a liveness guard, not a measurement: without its read timeout (500 ms here) the server would
		// wait for the silent host forever and this would never return
		HttpResponse<String> response = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> token("keys-silent", rs256("keys-silent", RSA_KEY)));

		assertInvalidClient(response);
	}

	@Test
	void tokenWhenJwksUriRedirectsThenInvalidClientAndTheRedirectIsNotFollowed() throws Exception {
		HttpResponse<String> response = token("keys-redirect", rs256("keys-redirect", RSA_KEY));

		assertInvalidClient(response);
		assertThat(fetches("/redirect.json")).isEqualTo(1);
		assertThat(fetches("/redirect-target.json")).isZero();
	}

	@Test
	void tokenWhenJwksIsOverTheSizeLimitThenInvalidClient() throws Exception {
		HttpResponse<String> response = token("keys-huge", rs256("keys-huge", RSA_KEY));

		assertInvalidClient(response);
		assertThat(fetches("/huge.json")).isEqualTo(1);
	}

	private HttpResponse<String> token(String clientId, String assertion) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(ClientAssertions.form("grant_type", "client_credentials",
					"client_id", clientId, "client_assertion_type", ClientAssertions.JWT_BEARER, "client_assertion",
					assertion)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String rs256(String clientId, RSAKey key) throws JOSEException {
		return sign(clientId, key, JWSAlgorithm.RS256);
	}

	private String sign(String clientId, RSAKey key, JWSAlgorithm algorithm) throws JOSEException {
		return ClientAssertions.sign(new RSASSASigner(key), algorithm, key.getKeyID(), claims(clientId));
	}

	private String es256(String clientId, ECKey key) throws JOSEException {
		return ClientAssertions.sign(new ECDSASigner(key), JWSAlgorithm.ES256, key.getKeyID(), claims(clientId));
	}

	private JWTClaimsSet claims(String clientId) {
		return ClientAssertions.claims(clientId, "http://localhost:" + this.port + "/oauth2/token").build();
	}

	private static int fetches(String path) {
		AtomicInteger count = FETCHES.get(path);
		return (count != null) ? count.get() : 0;
	}

	private static void assertInvalidClient(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_client");
	}

	private static RSAKey rsaKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

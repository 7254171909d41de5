package org.readerpass.authserver.keys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readerpass.authserver.ReaderPassApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;

/** The signing keys survive a restart: a token issued before it still verifies after it. */
class SigningKeyRestartTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void restartWhenSameDatabaseThenTokenIssuedBeforeVerifiesAgainstNewJwks(@TempDir Path dataDir) throws Exception {
		String[] args = { "--server.port=0", "--management.server.port=0", "--readerpass.data-dir=" + dataDir,
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("readerpass") };
		String token;
		String keyId;
		String idTokenKeyId;
		try (ConfigurableApplicationContext first = start(args)) {
			token = clientCredentialsToken(port(first));
			keyId = first.getBean(SigningKeys.class).currentKeyId(SignatureAlgorithm.ES256);
			idTokenKeyId = first.getBean(SigningKeys.class).currentKeyId(SignatureAlgorithm.RS256);
			String sealed = first.getBean(JdbcClient.class)
				.sql("select private_jwk_sealed from signing_key where kid = ?")
				.param(keyId)
				.query(String.class)
				.single();
			assertThat(sealed).as("private key sealed at rest").doesNotContain("\"d\"").doesNotContain("P-256");
		}
		assertThat(dataDir.resolve("key-encryption.key")).exists();
		// the demo network has pairwise clients: their key is made at start-up, kept beside the other
		assertThat(dataDir.resolve("pairwise-subject.key")).exists();

		try (ConfigurableApplicationContext second = start(args)) {
			assertThat(second.getBean(SigningKeys.class).currentKeyId(SignatureAlgorithm.ES256)).isEqualTo(keyId);
			assertThat(second.getBean(SigningKeys.class).currentKeyId(SignatureAlgorithm.RS256)).isEqualTo(idTokenKeyId);
			SignedJWT jwt = SignedJWT.parse(token);
			JWKSet jwks = JWKSet.load(URI.create("http://localhost:" + port(second) + "/oauth2/jwks").toURL());
			ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
			assertThat(key).as("the key that signed the token is still published").isNotNull();
			assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(String[] args) {
		return new SpringApplicationBuilder(ReaderPassApplication.class).run(args);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static String clientCredentialsToken(int port) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("sx-stats:sx-stats-demo-secret".getBytes()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return (String) JSONObjectUtils.parse(response.body()).get("access_token");
	}

}

package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy that ends TLS (the issuer is {@code https}, the server sees plain HTTP on
 * loopback): every answer carries HSTS and every cookie is {@code Secure}.
 */
@SpringBootTest(classes = ReaderPassApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "readerpass.issuer.uri=https://id.readerpass.test",
				"spring.datasource.url=jdbc:h2:mem:readerpass-https-issuer-test;DB_CLOSE_DELAY=-1",
				"readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY,
				"readerpass.subject.pairwise-key=" + ReaderPassServerTest.TEST_PAIRWISE_KEY,
				"readerpass.directory.startup-sync=false", "readerpass.directory.schedule-enabled=false" })
class HttpsIssuerTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void loginPageWhenIssuerHttpsThenHstsAndSecureCookies() throws Exception {
		HttpResponse<String> page = get("/login?lang=en");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000 ; includeSubDomains");
		List<String> cookies = page.headers().allValues("Set-Cookie");
		assertThat(cookies).anySatisfy((cookie) -> assertThat(cookie).startsWith("READERPASS_SESSION="))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("readerpass-lang="))
			.allSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("; Secure"));
	}

	@Test
	void protocolAnswersWhenIssuerHttpsThenHsts() throws Exception {
		assertThat(get("/.well-known/openid-configuration").headers().firstValue("Strict-Transport-Security"))
			.isPresent();
		assertThat(get("/oauth2/jwks").headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}

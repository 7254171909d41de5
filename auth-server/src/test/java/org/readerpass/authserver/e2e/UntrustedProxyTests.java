package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forwarded address from a peer that is not a configured trusted proxy is ignored: the reader
 * cannot claim to be on site by sending {@code X-Forwarded-For} themselves.
 */
@SpringBootTest(classes = ReaderPassApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:readerpass-untrusted-proxy-test;DB_CLOSE_DELAY=-1",
				"readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY,
				"readerpass.subject.pairwise-key=" + ReaderPassServerTest.TEST_PAIRWISE_KEY,
				// a proxy that is not the test client (TEST-NET-1: configuration data, never contacted)
				"readerpass.network.trusted-proxies[0]=192.0.2.1/32" })
class UntrustedProxyTests {

	@LocalServerPort
	int port;

	@Test
	void forwardedForWhenPeerNotTrustedThenIgnoredAndNoOnSiteEntitlement() throws Exception {
		URI issuer = URI.create("http://localhost:" + this.port);
		OIDCProviderMetadata metadata = OidcClient.discover(issuer);
		Browser browser = new Browser(issuer, "10.30.20.1"); // in the reader's library's range
		OidcClient mobile = OidcClient.mobileApp(metadata);
		URI request = URI.create(mobile.authorizationRequest() + "&resource="
				+ URLEncoder.encode("https://lectures.zjlib.example/", StandardCharsets.UTF_8));
		Browser.Page page = browser.login(browser.get(request), "SX0001", "sx0001-pass");
		String accessToken = mobile.exchange(page.location()).getOIDCTokens().getAccessToken().getValue();
		assertThat(SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("entitlements"))
			.containsExactly("urn:readerpass:zj:res:zj-lectures:stream");
	}

}

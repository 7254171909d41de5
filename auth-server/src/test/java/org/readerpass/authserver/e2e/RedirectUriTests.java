package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A redirect URI never has a fragment (RFC 6749 §3.1.2): one that has, even an empty one, is not
 * the registered URI, so the reader sees an error page and is never redirected.
 */
@ReaderPassServerTest
class RedirectUriTests {

	@LocalServerPort
	int port;

	@Test
	void authorizeWhenRedirectUriHasAFragmentThenErrorPageAndNoRedirect() throws Exception {
		for (String redirectUri : List.of("http://127.0.0.1:8082/callback%23", "http://127.0.0.1:8082/callback%23x")) {
			RawHttp.Response response = RawHttp.send(this.port, "GET",
					"/oauth2/authorize?response_type=code&client_id=zj-reader-app&redirect_uri=" + redirectUri
							+ "&scope=openid&state=s1&code_challenge=ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU"
							+ "&code_challenge_method=S256",
					List.of("Host: localhost:" + this.port, "Accept: text/html"), null);

			assertThat(response.status()).as(redirectUri).isEqualTo(400);
			assertThat(response.headers()).as(redirectUri).doesNotContainKey("location");
		}
	}

}

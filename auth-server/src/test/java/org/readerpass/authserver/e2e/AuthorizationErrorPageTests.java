package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An authorization request that cannot be answered at the client's redirect URI shows the reader
 * which of the two it was — an app that is not registered, or a return address the app did not
 * register — and tells the operator in the log.
 */
@ReaderPassServerTest
@ExtendWith(OutputCaptureExtension.class)
class AuthorizationErrorPageTests {

	private static final String PKCE = "&code_challenge=ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU&code_challenge_method=S256";

	@LocalServerPort
	int port;

	@Test
	void authorizeWhenClientUnknownThenPageSaysTheAppIsNotRegisteredAndTheLogNamesIt(CapturedOutput output)
			throws Exception {
		RawHttp.Response response = authorize("no-such-app", "http://127.0.0.1:8082/callback", "en");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.headers()).doesNotContainKey("location");
		assertThat(response.body()).contains("This app is not registered here").doesNotContain("return address");
		assertThat(authorize("no-such-app", "http://127.0.0.1:8082/callback", "zh-CN").body()).contains("没有在本平台登记");
		assertThat(output).contains("Authorization request refused").contains("problem=unknown-client")
			.contains("client=no-such-app");
	}

	@Test
	void authorizeWhenRedirectUriNotRegisteredThenPageSaysSoAndTheLogNamesClientAndAddress(CapturedOutput output)
			throws Exception {
		RawHttp.Response response = authorize("zj-reader-app", "http://127.0.0.1:9999/elsewhere", "en");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.headers()).doesNotContainKey("location");
		assertThat(response.body()).contains("return address").doesNotContain("This app is not registered here");
		assertThat(authorize("zj-reader-app", "http://127.0.0.1:9999/elsewhere", "zh-CN").body()).contains("没有登记的地址");
		assertThat(output).contains("problem=unregistered-redirect-uri").contains("client=zj-reader-app")
			.contains("redirectUri=http://127.0.0.1:9999/elsewhere");
	}

	private RawHttp.Response authorize(String clientId, String redirectUri, String language) throws Exception {
		return RawHttp.send(this.port, "GET",
				"/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + redirectUri
						+ "&scope=openid&state=s" + PKCE,
				List.of("Host: localhost:" + this.port, "Accept: text/html", "Accept-Language: " + language), null);
	}

}

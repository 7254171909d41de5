package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code id_token_hint} at the authorization endpoint (OIDC Core §3.1.2.1, issue 10): a real hint
 * for the signed-in reader gives a code; a forged one ({@code alg: none}, another issuer's or
 * another client's) is {@code invalid_request}; a hint naming another reader than the one signed
 * in is {@code login_required} — never a code for the signed-in reader.
 */
@ReaderPassServerTest
class IdTokenHintTests {

	private static final String CALLBACK = "http://127.0.0.1:8082/callback";

	@LocalServerPort
	int port;

	private OIDCProviderMetadata metadata;

	@BeforeEach
	void discover() {
		this.metadata = OidcClient.discover(URI.create("http://localhost:" + this.port));
	}

	@Test
	void authorizeWhenHintNamesTheSignedInReaderThenCode() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		String hint = signIn(browser, "ZJ0010");

		assertThat(browser.get(authorize("&prompt=none&id_token_hint=" + hint)).location())
			.startsWith(CALLBACK + "?code=");
	}

	@Test
	void authorizeWhenHintNamesAnotherReaderThenLoginRequiredAndNoCode() {
		String otherReadersHint = signIn(new Browser(URI.create("http://localhost:" + this.port)), "ZJ0018");
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		signIn(browser, "ZJ0010");

		String location = browser.get(authorize("&id_token_hint=" + otherReadersHint)).location();

		assertThat(location).startsWith(CALLBACK + "?").contains("error=login_required").contains("state=s")
			.doesNotContain("code=");
	}

	@Test
	void authorizeWhenHintForgedThenInvalidRequestAndNoCode() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		String hint = signIn(browser, "ZJ0010");
		String payload = hint.split("\\.")[1];
		String unsigned = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";

		for (String forged : new String[] { unsigned, hint.substring(0, hint.length() - 4) + "AAAA", "not-a-jwt" }) {
			String location = browser.get(authorize("&prompt=none&id_token_hint=" + URLEncoder.encode(forged,
					StandardCharsets.UTF_8))).location();
			assertThat(location).as(forged).startsWith(CALLBACK + "?").contains("error=invalid_request")
				.doesNotContain("code=");
		}
	}

	@Test
	void authorizeWhenHintIssuedToAnotherClientThenInvalidRequest() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OidcClient portal = OidcClient.portal(this.metadata);
		OIDCTokenResponse tokens = portal.exchange(
				browser.login(browser.get(portal.authorizationRequest()), "ZJ0010", "zj0010-pass").location());

		String location = browser.get(authorize("&id_token_hint=" + tokens.getOIDCTokens().getIDTokenString()))
			.location();

		assertThat(location).contains("error=invalid_request").doesNotContain("code=");
	}

	@Test
	void authorizeWhenPairwiseClientsHintNamesTheSignedInReaderThenCode() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OidcClient vendorApp = OidcClient.vendorEbooksApp(this.metadata);
		OIDCTokenResponse tokens = vendorApp.exchange(
				browser.login(browser.get(vendorApp.authorizationRequest()), "ZJ0010", "zj0010-pass").location());
		String hint = tokens.getOIDCTokens().getIDTokenString();

		OidcClient again = OidcClient.vendorEbooksApp(this.metadata);
		String location = browser.get(URI.create(again.authorizationRequest("none") + "&id_token_hint=" + hint))
			.location();

		assertThat(location).as("the hint's pairwise sub is the signed-in reader's").contains("code=")
			.doesNotContain("error=");
	}

	/** Signs in with the mobile app and answers its ID token. */
	private String signIn(Browser browser, String card) {
		OidcClient app = OidcClient.mobileApp(this.metadata);
		OIDCTokenResponse tokens = app.exchange(
				browser.login(browser.get(app.authorizationRequest()), card, card.toLowerCase() + "-pass").location());
		return tokens.getOIDCTokens().getIDTokenString();
	}

	private URI authorize(String extra) {
		return URI.create("http://localhost:" + this.port + "/oauth2/authorize?response_type=code&client_id=zj-reader-app"
				+ "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&scope=openid&state=s"
				+ "&code_challenge=ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU&code_challenge_method=S256" + extra);
	}

}

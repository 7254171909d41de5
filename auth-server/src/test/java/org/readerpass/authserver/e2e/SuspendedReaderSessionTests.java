package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An SSO session is only as good as the account behind it: a reader suspended (or expired, or
 * purged) since signing in gets the login page at the next authorization request — or
 * {@code login_required} for {@code prompt=none} — never a code (issue 10, point 2).
 */
@ReaderPassServerTest
class SuspendedReaderSessionTests {

	private static final String CARD = "ZJ0011";

	private static final String CALLBACK = "http://127.0.0.1:8082/callback";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** The account as synced, put back after each test: the server is shared with other test classes. */
	private Map<String, Object> synced;

	@BeforeEach
	void remember() {
		this.synced = this.jdbc.sql("select status, expires_on, reader_id from reader_account where card_number = ?")
			.param(CARD)
			.query()
			.singleRow();
	}

	@AfterEach
	void restore() {
		this.jdbc.sql("update reader_account set status = ?, expires_on = ?, reader_id = ? where card_number = ?")
			.params(this.synced.get("status"), this.synced.get("expires_on"), this.synced.get("reader_id"), CARD)
			.update();
	}

	@Test
	void authorizeWhenReaderSuspendedSinceSigningInThenLoginPageAndNoCode() {
		Browser browser = signedIn();
		this.jdbc.sql("update reader_account set status = 'SUSPENDED' where card_number = ?").param(CARD).update();

		Browser.Page page = browser.get(authorize(""));

		assertThat(page.location()).as("no redirect to the app").isNull();
		assertThat(page.isLoginPage()).isTrue();
		assertThat(browser.get(authorize("")).isLoginPage()).as("the session is gone").isTrue();
	}

	@Test
	void authorizeWhenReaderExpiredSinceSigningInAndPromptNoneThenLoginRequired() {
		Browser browser = signedIn();
		this.jdbc.sql("update reader_account set expires_on = date '2020-01-01' where card_number = ?")
			.param(CARD)
			.update();

		Browser.Page page = browser.get(authorize("&prompt=none"));

		assertThat(page.location()).startsWith(CALLBACK + "?").contains("error=login_required").contains("state=s")
			.doesNotContain("code=");
	}

	@Test
	void refreshWhenReaderSuspendedSinceSigningInThenInvalidGrant() throws Exception {
		OIDCProviderMetadata metadata = OidcClient.discover(URI.create("http://localhost:" + this.port));
		OidcClient portal = OidcClient.portal(metadata);
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		Browser.Page afterLogin = browser.login(browser.get(portal.authorizationRequest()), CARD, "zj0011-pass");
		String refreshToken = portal.exchange(afterLogin.location()).getTokens().getRefreshToken().getValue();
		assertThat(refresh(refreshToken).status()).as("before the change").isEqualTo(200);

		this.jdbc.sql("update reader_account set status = 'SUSPENDED' where card_number = ?").param(CARD).update();
		RawHttp.Response refused = refresh(refreshToken);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(refused.body()).get("error")).isEqualTo("invalid_grant");
	}

	@Test
	void refreshWhenAccountLinkedToAnotherPersonSinceThenInvalidGrant() throws Exception {
		OIDCProviderMetadata metadata = OidcClient.discover(URI.create("http://localhost:" + this.port));
		OidcClient portal = OidcClient.portal(metadata);
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		Browser.Page afterLogin = browser.login(browser.get(portal.authorizationRequest()), CARD, "zj0011-pass");
		String refreshToken = portal.exchange(afterLogin.location()).getTokens().getRefreshToken().getValue();

		this.jdbc.sql("update reader_account set reader_id = (select reader_id from reader_account where card_number = ?) "
				+ "where card_number = ?").params("ZJ0018", CARD).update();
		RawHttp.Response refused = refresh(refreshToken);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(refused.body()).get("error")).isEqualTo("invalid_grant");
		assertThat(browser.get(authorize("")).isLoginPage()).as("the SSO session ends too").isTrue();
	}

	private RawHttp.Response refresh(String refreshToken) throws Exception {
		return RawHttp.send(this.port, "POST", "/oauth2/token",
				List.of("Host: localhost:" + this.port, "Authorization: Basic c3gtcG9ydGFsOnN4LXBvcnRhbC1kZW1vLXNlY3JldA==",
						"Content-Type: application/x-www-form-urlencoded"),
				"grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.US_ASCII));
	}

	private Browser signedIn() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		Browser.Page login = browser.get(authorize(""));
		assertThat(browser.login(login, CARD, "zj0011-pass").location()).startsWith(CALLBACK + "?code=");
		assertThat(browser.get(authorize("")).location()).as("SSO before the change").startsWith(CALLBACK + "?code=");
		return browser;
	}

	private URI authorize(String extra) {
		return URI.create("http://localhost:" + this.port + "/oauth2/authorize?response_type=code&client_id=zj-reader-app"
				+ "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&scope=openid&state=s"
				+ "&code_challenge=ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU&code_challenge_method=S256" + extra);
	}

}

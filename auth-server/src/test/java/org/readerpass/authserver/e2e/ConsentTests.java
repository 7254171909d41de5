package org.readerpass.authserver.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.audit.RecordedSecurityEvent;
import org.readerpass.authserver.audit.SecurityEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consent for third-party apps (issue 10, point 8; PIPL Art. 23): a vendor's app shows the reader
 * a consent page naming the app, its operator and each piece of personal data; the answer is
 * remembered per reader and app; withdrawing it revokes the app's tokens. The standard
 * {@code email} and {@code phone} scopes release what the library's directory holds.
 */
@ReaderPassServerTest
class ConsentTests {

	private static final ClientSecretBasic VENDOR = new ClientSecretBasic(new ClientID("shuxiang-reader"),
			new Secret("shuxiang-reader-demo-secret"));

	@LocalServerPort
	int port;

	@Autowired
	SecurityEvents securityEvents;

	@Autowired
	JdbcTemplate jdbc;

	private OIDCProviderMetadata metadata;

	@BeforeEach
	void discover() {
		this.metadata = OidcClient.discover(URI.create("http://localhost:" + this.port));
	}

	@Test
	void consentPageWhenThirdPartyAppThenItNamesAppOperatorAndEachPieceOfData() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OidcClient vendor = OidcClient.vendorApp(this.metadata);

		Browser.Page consent = browser.login(browser.get(vendor.authorizationRequest()), "ZJ0020", "zj0020-pass");

		assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
		assertThat(consent.location()).as("no code before the reader answers").isNull();
		assertThat(consent.body()).contains("书香阅读 Shuxiang Reading")
			.contains("杭州书香数字科技有限公司 Hangzhou Shuxiang Digital Technology Co., Ltd.")
			.contains("您的姓名和读者证号")
			.contains("电子邮箱地址")
			.contains("手机号码")
			.contains("撤回");
	}

	/**
	 * The framework reads a reader's consent at every authorization request, before it asks whether
	 * the app needs one (ConsentsWhereRequired): a library's own app needs none, and no query is
	 * made for it. Counted by H2's statement statistics.
	 */
	@Test
	void authorizationWhenLibrarysOwnAppThenNoConsentLookedUpAndWhenThirdPartyAppThenLookedUp() {
		this.jdbc.execute("SET QUERY_STATISTICS TRUE");
		long before = consentReads();
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));

		Browser.Page signedIn = browser.login(browser.get(OidcClient.portal(this.metadata).authorizationRequest()),
				"ZJ0004", "zj0004-pass");
		assertThat(signedIn.location()).contains("code=");
		assertThat(consentReads()).as("a library's own app: no consent looked up").isEqualTo(before);

		Browser.Page consent = browser.get(OidcClient.vendorApp(this.metadata).authorizationRequest());
		assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
		assertThat(consentReads()).as("a third-party app: the reader's consent looked up").isGreaterThan(before);
	}

	private long consentReads() {
		return this.jdbc.queryForObject("select coalesce(sum(execution_count), 0) from information_schema.query_statistics"
				+ " where lower(sql_statement) like '%from oauth2_authorization_consent%'"
				+ " and lower(sql_statement) not like '%query_statistics%'", Long.class);
	}

	@Test
	void allowWhenReaderConsentsThenEmailAndPhoneReleasedAndConsentRemembered() throws Exception {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OidcClient vendor = OidcClient.vendorApp(this.metadata);
		Browser.Page consent = browser.login(browser.get(vendor.authorizationRequest()), "ZJ0003", "zj0003-pass");

		Browser.Page allowed = browser.submitButton(consent, "allow");

		OIDCTokenResponse tokens = vendor.exchange(allowed.location());
		IDTokenClaimsSet idToken = vendor.validate(tokens);
		assertThat(idToken.getStringClaim("email")).isEqualTo("guofang186@example.com");
		assertThat(idToken.getStringClaim("phone_number")).isEqualTo("15781337285");
		assertThat(tokens.getOIDCTokens().getAccessToken().getScope().toStringList())
			.containsExactlyInAnyOrder("openid", "profile", "email", "phone");
		assertThat(userinfo(tokens.getOIDCTokens().getAccessToken())).contains("\"email\":\"guofang186@example.com\"");
		assertThat(consentEvents("consent.given")).anySatisfy(event -> {
			assertThat(event.clientId()).isEqualTo("shuxiang-reader");
			assertThat(event.details()).contains("email");
		});

		OidcClient again = OidcClient.vendorApp(this.metadata);
		assertThat(browser.get(again.authorizationRequest()).location()).as("remembered: no consent page")
			.startsWith("http://127.0.0.1:8084/login/oauth2/code/readerpass?code=");
	}

	@Test
	void allowWhenDirectoryHoldsNoEmailThenNoEmailClaim() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OidcClient vendor = OidcClient.vendorApp(this.metadata);
		Browser.Page consent = browser.login(browser.get(vendor.authorizationRequest()), "ZJ0004", "zj0004-pass");

		IDTokenClaimsSet idToken = vendor.validate(vendor.exchange(browser.submitButton(consent, "allow").location()));

		assertThat(idToken.getClaim("email")).isNull();
		assertThat(idToken.getStringClaim("phone_number")).isEqualTo("19811974296");
	}

	@Test
	void denyWhenReaderRefusesThenAccessDeniedAndNoCode() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OidcClient vendor = OidcClient.vendorApp(this.metadata);
		Browser.Page consent = browser.login(browser.get(vendor.authorizationRequest()), "ZJ0005", "zj0005-pass");

		Browser.Page denied = browser.submitButton(consent, "deny");

		assertThat(denied.location()).startsWith("http://127.0.0.1:8084/login/oauth2/code/readerpass?")
			.contains("error=access_denied")
			.contains("state=" + vendor.state().getValue())
			.doesNotContain("code=");
	}

	@Test
	void withdrawWhenReaderWithdrawsThenAppsTokensRevokedAndConsentAskedAgain() throws Exception {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OidcClient vendor = OidcClient.vendorApp(this.metadata);
		Browser.Page consent = browser.login(browser.get(vendor.authorizationRequest()), "ZJ0001", "zj0001-pass");
		OIDCTokenResponse tokens = vendor.exchange(browser.submitButton(consent, "allow").location());
		AccessToken accessToken = tokens.getOIDCTokens().getAccessToken();
		assertThat(introspect(accessToken).toSuccessResponse().isActive()).isTrue();

		Browser.Page apps = browser.get("/account/apps");
		assertThat(apps.body()).contains("书香阅读 Shuxiang Reading").contains("杭州书香数字科技有限公司");
		Browser.Page afterWithdrawal = browser.submitButton(apps, "withdraw-shuxiang-reader");

		assertThat(afterWithdrawal.body()).contains("已撤回同意").doesNotContain("书香阅读 Shuxiang Reading");
		assertThat(introspect(accessToken).toSuccessResponse().isActive()).as("access token revoked").isFalse();
		assertThat(vendor.refresh(tokens.getOIDCTokens().getRefreshToken().getValue()).indicatesSuccess())
			.as("refresh token revoked").isFalse();
		assertThat(consentEvents("consent.withdrawn")).anySatisfy(
				event -> assertThat(event.clientId()).isEqualTo("shuxiang-reader"));
		OidcClient again = OidcClient.vendorApp(this.metadata);
		assertThat(browser.get(again.authorizationRequest()).uri().getPath()).as("asked again")
			.isEqualTo("/oauth2/consent");
	}

	@Test
	void consentWhenFirstPartyAppThenNoConsentPage() {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OidcClient portal = OidcClient.portal(this.metadata);

		Browser.Page afterLogin = browser.login(browser.get(portal.authorizationRequest()), "ZJ0003", "zj0003-pass");

		assertThat(afterLogin.location()).startsWith("http://127.0.0.1:8081/login/oauth2/code/readerpass?code=");
	}

	private List<RecordedSecurityEvent> consentEvents(String type) {
		return this.securityEvents.latest(type, 100);
	}

	private TokenIntrospectionResponse introspect(AccessToken token) throws IOException, ParseException {
		return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
				this.metadata.getIntrospectionEndpointURI(), VENDOR, token).toHTTPRequest().send());
	}

	private String userinfo(AccessToken token) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(this.metadata.getUserInfoEndpointURI())
				.header("Authorization", "Bearer " + token.getValue())
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

}

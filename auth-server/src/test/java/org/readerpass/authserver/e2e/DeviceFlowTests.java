package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationGrantError;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.e2e.Browser.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The device authorization grant (RFC 8628) as a TV box drives it with a stock client library while
 * a reader confirms on the verification page with a cookie-keeping browser: discovery, the device
 * authorization response, the token endpoint's answers while the box polls, the reader's approval
 * or denial, and the limit on wrong codes (issue 10, point 3).
 */
@ReaderPassServerTest
class DeviceFlowTests {

	private static final String USER_CODE = "[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}";

	private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

	private static final String TV_NAME = "浙江图书馆数字电视";

	private static final URI EBOOKS = URI.create("https://ebooks.nlc.example/");

	private static final String SUSPENDED_CARD = "ZJ0012";

	@LocalServerPort
	int port;

	@Autowired
	OAuth2AuthorizationService authorizations;

	@Autowired
	JdbcClient jdbc;

	String issuer;

	OIDCProviderMetadata metadata;

	TvBox box;

	@AfterEach
	void reinstate() {
		this.jdbc.sql("update reader_account set status = 'ACTIVE' where card_number = ?").param(SUSPENDED_CARD).update();
	}

	@BeforeEach
	void discover() {
		this.issuer = "http://localhost:" + this.port;
		this.metadata = OidcClient.discover(URI.create(this.issuer));
		this.box = new TvBox(this.metadata);
	}

	@Test
	void discoveryWhenFetchedThenDeviceAuthorizationEndpointAndGrantInBothDocuments() throws Exception {
		for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
			Map<String, Object> document = JSONObjectUtils
				.parse(RawHttp.send(this.port, "GET", path, List.of("Host: localhost:" + this.port), null).body());

			assertThat(document.get("device_authorization_endpoint")).as(path)
				.isEqualTo(this.issuer + "/oauth2/device_authorization");
			assertThat(document.get("grant_types_supported")).as(path).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.contains("urn:ietf:params:oauth:grant-type:device_code");
		}
		assertThat(this.metadata.getDeviceAuthorizationEndpointURI())
			.isEqualTo(URI.create(this.issuer + "/oauth2/device_authorization"));
	}

	@Test
	void deviceAuthorizationWhenRequestedThenUserCodeOfTheAlphabetIntervalLifetimeAndVerificationUrisOfTheIssuer() {
		DeviceAuthorizationSuccessResponse started = this.box.started();

		String userCode = started.getUserCode().getValue();
		assertThat(userCode).matches(USER_CODE);
		assertThat(started.getDeviceCode().getValue()).hasSizeGreaterThanOrEqualTo(43);
		assertThat(started.getVerificationURI()).isEqualTo(URI.create(this.issuer + "/device"));
		assertThat(started.getVerificationURIComplete())
			.isEqualTo(URI.create(this.issuer + "/device?user_code=" + userCode));
		assertThat(started.getInterval()).isEqualTo(5);
		assertThat(started.getLifetime()).isEqualTo(600);
	}

	@Test
	void deviceAuthorizationWhenHostSpoofedThenVerificationUrisStillNameTheConfiguredIssuer() throws Exception {
		RawHttp.Response response = RawHttp.send(this.port, "POST", "/oauth2/device_authorization",
				List.of("Host: evil.example", FORM), "client_id=zj-tv-box");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("cache-control")).contains("no-store");
		Map<String, Object> body = JSONObjectUtils.parse(response.body());
		assertThat((String) body.get("verification_uri")).isEqualTo(this.issuer + "/device");
		assertThat((String) body.get("verification_uri_complete"))
			.isEqualTo(this.issuer + "/device?user_code=" + body.get("user_code"));
		assertThat(response.body()).doesNotContain("evil.example");
	}

	@Test
	void deviceAuthorizationWhenOpenidOrUnregisteredScopeThenInvalidScope() {
		for (Scope scope : List.of(new Scope("openid", "library"), new Scope("library", "readerpass.admin"))) {
			DeviceAuthorizationResponse response = this.box.start(scope);

			assertThat(response.indicatesSuccess()).as(scope.toString()).isFalse();
			assertThat(response.toErrorResponse().getErrorObject().getCode()).as(scope.toString())
				.isEqualTo("invalid_scope");
		}
	}

	@Test
	void deviceAuthorizationWhenNotADeviceClientThenRefused() throws Exception {
		for (String clientId : List.of("zj-reader-app", "no-such-client")) {
			RawHttp.Response response = RawHttp.send(this.port, "POST", "/oauth2/device_authorization",
					List.of("Host: localhost:" + this.port, FORM), "client_id=" + clientId);

			assertThat(response.status()).as(clientId).isEqualTo(401);
			assertThat(JSONObjectUtils.parse(response.body()).get("error")).as(clientId).isEqualTo("invalid_client");
		}
		RawHttp.Response service = RawHttp.send(this.port, "POST", "/oauth2/device_authorization",
				List.of("Host: localhost:" + this.port, FORM,
						"Authorization: Basic c3gtc3RhdHM6c3gtc3RhdHMtZGVtby1zZWNyZXQ="),
				"scope=usage.write");
		assertThat(service.status()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(service.body()).get("error")).isEqualTo("unauthorized_client");
		RawHttp.Response nobody = RawHttp.send(this.port, "POST", "/oauth2/device_authorization",
				List.of("Host: localhost:" + this.port, FORM), "");
		assertThat(nobody.status()).isEqualTo(401);
		assertThat(JSONObjectUtils.parse(nobody.body()).get("error")).isEqualTo("invalid_client");
	}

	@Test
	void tokenWhenPolledBeforeTheReaderDecidesThenAuthorizationPendingAndSlowDownWhenTooSoon() {
		DeviceCode deviceCode = this.box.started().getDeviceCode();

		assertThat(this.box.pollError(deviceCode)).isEqualTo(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);
		assertThat(this.box.pollError(deviceCode)).as("polled again at once, not 5 s later")
			.isEqualTo(DeviceAuthorizationGrantError.SLOW_DOWN);
		assertThat(this.box.pollError(deviceCode)).as("still too soon for the 10 s now asked for")
			.isEqualTo(DeviceAuthorizationGrantError.SLOW_DOWN);
	}

	@Test
	void tokenWhenDeviceCodeExpiredThenExpiredToken() {
		DeviceCode deviceCode = this.box.started().getDeviceCode();
		assertThat(this.box.pollError(deviceCode)).isEqualTo(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);
		expire(deviceCode);

		assertThat(this.box.pollError(deviceCode)).isEqualTo(DeviceAuthorizationGrantError.EXPIRED_TOKEN);
	}

	@Test
	void tokenWhenUnknownDeviceCodeOrAnotherBoxNamedThenInvalidGrantOrInvalidClient() {
		assertThat(this.box.pollError(new DeviceCode("no-such-device-code"))).isEqualTo(OAuth2Error.INVALID_GRANT);
		DeviceCode deviceCode = this.box.started().getDeviceCode();

		assertThat(new TvBox(this.metadata, new ClientID("zj-reader-app")).pollError(deviceCode).getCode())
			.isEqualTo("invalid_client");
	}

	@Test
	void stockVerificationEndpointWhenCalledWithARealCodeThenNotFoundAndTheCodeStaysPending() throws Exception {
		DeviceAuthorizationSuccessResponse started = this.box.started();

		RawHttp.Response response = RawHttp.send(this.port, "GET",
				"/oauth2/device_verification?user_code=" + started.getUserCode().getValue(),
				List.of("Host: localhost:" + this.port), null);

		assertThat(response.status()).isEqualTo(404);
		assertThat(this.box.pollError(started.getDeviceCode()))
			.isEqualTo(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);
	}

	@Test
	void deviceFlowWhenReaderSignsInAndApprovesThenBoxGetsTokensWithTheReadersClaimsAndARefreshToken()
			throws Exception {
		DeviceAuthorizationSuccessResponse started = this.box.started();
		assertThat(this.box.pollError(started.getDeviceCode()))
			.isEqualTo(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);
		Browser phone = new Browser(URI.create(this.issuer));
		// typed loosely, as a reader types it on a phone
		String typed = started.getUserCode().getValue().toLowerCase().replace("-", " ");

		Page login = typeCode(phone, typed);
		assertThat(login.isLoginPage()).isTrue();
		assertThat(login.body()).as("the login page names the box").contains(TV_NAME);
		Page confirmation = phone.login(login, "ZJ0002", "zj0002-pass");
		assertThat(confirmation.uri().getPath()).isEqualTo("/device/confirm");
		assertThat(confirmation.body()).contains(TV_NAME, started.getUserCode().getValue(), "ZJ0002", "批准", "拒绝");
		Page done = decide(phone, confirmation, "approve");

		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("电视已登录", "您可以回到电视前了");
		Tokens tokens = this.box.tokens(started.getDeviceCode(), EBOOKS);
		JWTClaimsSet device = SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet();
		JWTClaimsSet codeFlow = codeFlowAccessToken("ZJ0002", "zj0002-pass", EBOOKS);
		assertThat(device.getClaim("client_id")).isEqualTo("zj-tv-box");
		assertThat(device.getIssuer()).isEqualTo(this.issuer);
		assertThat(device.getAudience()).containsExactly(EBOOKS.toString());
		assertThat(device.getClaim("scope")).as("the registered scopes: the box asked for none").isEqualTo("library");
		for (String claim : List.of("sub", "acr", "entitlements")) {
			assertThat(device.getClaim(claim)).as(claim).isNotNull().isEqualTo(codeFlow.getClaim(claim));
		}
		assertThat(device.getStringListClaim("entitlements")).contains("urn:readerpass:zj:res:nlc-ebooks:read");
		assertThat(device.getLongClaim("auth_time")).isNotNull();
		assertThat(this.box.pollError(started.getDeviceCode())).as("a device code gives tokens once")
			.isEqualTo(OAuth2Error.INVALID_GRANT);

		RefreshToken first = tokens.getRefreshToken();
		assertThat(first).as("a refresh token for the box").isNotNull();
		TokenResponse refreshed = this.box.refresh(first);
		assertThat(refreshed.indicatesSuccess()).isTrue();
		RefreshToken second = refreshed.toSuccessResponse().getTokens().getRefreshToken();
		assertThat(second).as("rotated").isNotNull().isNotEqualTo(first);
		assertThat(SignedJWT.parse(refreshed.toSuccessResponse().getTokens().getAccessToken().getValue())
			.getJWTClaimsSet()
			.getSubject()).isEqualTo(device.getSubject());
		assertThat(this.box.refresh(first).toErrorResponse().getErrorObject()).as("the replaced one")
			.isEqualTo(OAuth2Error.INVALID_GRANT);
		assertThat(this.box.refresh(second).indicatesSuccess())
			.as("replaying the replaced one revoked the box's sign-in").isFalse();
	}

	@Test
	void deviceFlowWhenReaderDeniesThenBoxGetsAccessDeniedAndTheCodeIsUsedUp() {
		DeviceAuthorizationSuccessResponse started = this.box.started();
		Browser phone = new Browser(URI.create(this.issuer));
		Page confirmation = phone.login(typeCode(phone, started.getUserCode().getValue()), "ZJ0003", "zj0003-pass");

		Page done = decide(phone, confirmation, "deny");

		assertThat(done.body()).contains("电视未登录", TV_NAME);
		assertThat(this.box.pollError(started.getDeviceCode())).isEqualTo(OAuth2Error.ACCESS_DENIED);
		Page again = typeCode(phone, started.getUserCode().getValue());
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.body()).contains("这个登录码已经用过了");
	}

	@Test
	void verificationPageWhenOpenedFromTheQrCodeThenCodeFilledInAndNothingDecidedUntilTheReaderGoesOn() {
		DeviceAuthorizationSuccessResponse started = this.box.started();
		String userCode = started.getUserCode().getValue();
		Browser phone = new Browser(URI.create(this.issuer));

		Page form = phone.get(started.getVerificationURIComplete());

		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("value=\"" + userCode + "\"", "在电视上登录", "name=\"_csrf\"");
		assertThat(this.box.pollError(started.getDeviceCode()))
			.isEqualTo(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);
		assertThat(phone.get("/device?user_code=" + userCode.toLowerCase() + "&lang=en").body())
			.contains("value=\"" + userCode + "\"", "Sign in on your TV", "Enter the 8-letter code");
	}

	@Test
	void verificationPageWhenCodeMalformedUnknownOrExpiredThenClearMessageAndNeverAServerError() {
		DeviceAuthorizationSuccessResponse expiring = this.box.started();
		expire(expiring.getDeviceCode());
		Browser phone = new Browser(URI.create(this.issuer), "198.51.100.1");

		Page malformed = typeCode(phone, "12345");
		Page tooLong = typeCode(phone, "BCDF".repeat(100));
		Page unknown = typeCode(phone, "BBBB-BBBB");
		Page expired = typeCode(phone, expiring.getUserCode().getValue());
		Page missing = phone.submit(phone.get("/device"), "/device", Map.of());

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("登录码是 8 个字母");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("没有找到这个登录码");
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.body()).contains("这个登录码已过期");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(phone.get("/device/confirm").body()).as("signed in or not, no code was typed")
			.doesNotContain("批准");
	}

	@Test
	void verificationPageWhenFiveWrongCodesInOneSessionThenRefusedForAWhileEvenTheRightCode() {
		DeviceAuthorizationSuccessResponse started = this.box.started();
		Browser phone = new Browser(URI.create(this.issuer), "198.51.100.2");
		Page form = phone.get("/device");
		for (String wrong : List.of("BBBB-BBBC", "BBBB-BBBD", "BBBB-BBBF", "BBBB-BBBG")) {
			assertThat(phone.submit(form, "/device", Map.of("user_code", wrong)).status()).as(wrong).isEqualTo(400);
		}

		Page fifth = phone.submit(form, "/device", Map.of("user_code", "BBBB-BBBH"));
		Page right = phone.submit(form, "/device", Map.of("user_code", started.getUserCode().getValue()));

		assertThat(fifth.status()).isEqualTo(429);
		assertThat(fifth.body()).contains("输错登录码的次数太多，请 15 分钟后再试").doesNotContain("name=\"user_code\"");
		assertThat(right.status()).isEqualTo(429);
		assertThat(right.uri().getPath()).isEqualTo("/device");
		assertThat(phone.get("/device").status()).isEqualTo(429);
		assertThat(phone.get("/device?lang=en").body())
			.contains("Too many wrong codes. Please try again in 15 minutes.");
		Browser sameAddressNewSession = new Browser(URI.create(this.issuer), "198.51.100.2");
		assertThat(typeCode(sameAddressNewSession, started.getUserCode().getValue()).isLoginPage())
			.as("the address has more tries than one session")
			.isTrue();
	}

	@Test
	void verificationPageWhenTwentyWrongCodesFromOneAddressThenEveryNewSessionThereRefused() {
		DeviceAuthorizationSuccessResponse started = this.box.started();
		Browser sameSlash64 = new Browser(URI.create(this.issuer), "2001:db8:7::beef");
		Page formBefore = sameSlash64.get("/device");
		for (int i = 0; i < 20; i++) {
			Browser fresh = new Browser(URI.create(this.issuer), "2001:db8:7::" + Integer.toHexString(i + 1));
			assertThat(typeCode(fresh, "BBBB-BB" + "CDFGH".charAt(i % 5) + "CDFG".charAt(i / 5)).status())
				.as("wrong code %d", i + 1)
				.isEqualTo((i < 19) ? 400 : 429);
		}

		Browser elsewhere = new Browser(URI.create(this.issuer), "2001:db8:8::1");
		assertThat(sameSlash64.submit(formBefore, "/device", Map.of("user_code", started.getUserCode().getValue()))
			.status()).isEqualTo(429);
		assertThat(new Browser(URI.create(this.issuer), "2001:db8:7::cafe").get("/device").status()).isEqualTo(429);
		assertThat(typeCode(elsewhere, started.getUserCode().getValue()).isLoginPage()).isTrue();
	}

	@Test
	void confirmWhenNoCsrfTokenOrAnotherCodeThanTheSessionTypedThenNothingIsDecided() {
		DeviceAuthorizationSuccessResponse typed = this.box.started();
		DeviceAuthorizationSuccessResponse other = this.box.started();
		Browser phone = new Browser(URI.create(this.issuer));
		Page confirmation = phone.login(typeCode(phone, typed.getUserCode().getValue()), "ZJ0004", "zj0004-pass");

		Page withoutToken = phone.post("/device/confirm",
				Map.of("user_code", typed.getUserCode().getValue(), "decision", "approve"));
		Page otherCode = phone.submit(confirmation, "/device/confirm",
				Map.of("user_code", other.getUserCode().getValue(), "decision", "approve"));

		assertThat(withoutToken.status()).isEqualTo(403);
		assertThat(otherCode.status()).isEqualTo(400);
		assertThat(otherCode.body()).contains("请重新输入电视屏幕上显示的登录码");
		assertThat(this.box.pollError(typed.getDeviceCode()))
			.isEqualTo(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);
		assertThat(this.box.pollError(other.getDeviceCode()))
			.isEqualTo(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);
	}

	@Test
	void confirmWhenNotSignedInAndHostSpoofedThenTheLoginPageWithoutTheSpoofedHost() throws Exception {
		RawHttp.Response response = RawHttp.send(this.port, "GET", "/device/confirm?client_id=zj-tv-box",
				List.of("Host: evil.example"), null);

		// shown at once (no redirect), its form and links relative to this server
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("location")).isNull();
		assertThat(response.body()).contains("action=\"/login\"", "href=\"/login?lang=en\"").doesNotContain("evil.example");
	}

	@Test
	void confirmWhenReaderSuspendedSinceSigningInThenLoginPageAndTheBoxStillWaits() {
		DeviceAuthorizationSuccessResponse started = this.box.started();
		Browser phone = new Browser(URI.create(this.issuer));
		phone.login(typeCode(phone, started.getUserCode().getValue()), SUSPENDED_CARD, "zj0012-pass");
		this.jdbc.sql("update reader_account set status = 'SUSPENDED' where card_number = ?")
			.param(SUSPENDED_CARD)
			.update();

		Page page = phone.get("/device/confirm");

		assertThat(page.isLoginPage()).isTrue();
		assertThat(this.box.pollError(started.getDeviceCode()))
			.isEqualTo(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);
	}

	/** Types a code on the verification page, following redirects (to the login page, say). */
	private static Page typeCode(Browser phone, String userCode) {
		return phone.submit(phone.get("/device"), "/device", Map.of("user_code", userCode));
	}

	private static Page decide(Browser phone, Page confirmation, String decision) {
		Matcher code = Pattern.compile("name=\"user_code\" value=\"([^\"]+)\"").matcher(confirmation.body());
		assertThat(code.find()).as("the confirmation form names the code").isTrue();
		return phone.submit(confirmation, "/device/confirm", Map.of("user_code", code.group(1), "decision", decision));
	}

	/** The access token a mobile app gets for this reader and resource with the code flow. */
	private JWTClaimsSet codeFlowAccessToken(String card, String password, URI resource) throws Exception {
		OidcClient app = OidcClient.mobileApp(this.metadata);
		Browser browser = new Browser(URI.create(this.issuer));
		Page login = browser.get(URI.create(app.authorizationRequest() + "&resource="
				+ URLEncoder.encode(resource.toString(), StandardCharsets.UTF_8)));
		Page redirected = browser.login(login, card, password);
		return SignedJWT.parse(app.exchange(redirected.location()).getTokens().getAccessToken().getValue())
			.getJWTClaimsSet();
	}

	/** Time passes for one authorization: its device code and user code expired ten minutes ago. */
	private void expire(DeviceCode deviceCode) {
		OAuth2Authorization authorization = this.authorizations.findByToken(deviceCode.getValue(),
				new OAuth2TokenType("device_code"));
		Instant issued = Instant.now().minus(Duration.ofMinutes(20));
		Instant expired = issued.plus(Duration.ofMinutes(10));
		this.authorizations.save(OAuth2Authorization.from(authorization)
			.token(new OAuth2DeviceCode(deviceCode.getValue(), issued, expired))
			.token(new OAuth2UserCode(authorization.getToken(OAuth2UserCode.class).getToken().getTokenValue(), issued,
					expired))
			.build());
	}

}

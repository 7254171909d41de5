package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.keys.ProviderJwtEncoder;
import org.readerpass.authserver.testsupport.Platform;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

/**
 * A stock OIDC client library against the running server over real HTTP: discovery, code + PKCE
 * login for readers of an OpenLDAP-style and an Active-Directory-style library, ID tokens checked
 * against the JWKS, userinfo, SSO into a second app, and the protocol's error paths.
 */
@ReaderPassServerTest
class OidcFlowTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JwtEncoder jwtEncoder;

	URI issuer;

	OIDCProviderMetadata metadata;

	@BeforeEach
	void discover() {
		this.issuer = URI.create("http://localhost:" + this.port);
		this.metadata = OidcClient.discover(this.issuer);
	}

	@Test
	void tokensWhenSignedThenByTheAmazonCorrettoCryptoProviderOnLinuxX64() {
		// the build's machines are Linux x86-64 (keys.SigningProviders; readerpass.keys.signing-provider=auto)
		assertThat(this.jwtEncoder).isInstanceOf(ProviderJwtEncoder.class);
		assertThat(((ProviderJwtEncoder) this.jwtEncoder).providerName())
			.isEqualTo(Platform.isLinuxX64() ? "AmazonCorrettoCryptoProvider" : "the JDK's default");
	}

	@Test
	void discoveryWhenFetchedThenListsScopesClaimsAndBothIdTokenAlgorithms() throws Exception {
		Map<String, Object> document = JSONObjectUtils.parse(HTTP
			.send(HttpRequest.newBuilder(URI.create(this.issuer + "/.well-known/openid-configuration")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body());
		assertThat(document.get("scopes_supported")).asInstanceOf(LIST).contains("openid", "profile", "library");
		assertThat(document.get("claims_supported")).asInstanceOf(LIST).contains("sub", "name", "preferred_username",
				"home_library", "libraries", "reader_type");
		// RS256 first: the algorithm every OP must support and a client that registered none gets (OIDC Core §15.1)
		assertThat(document.get("id_token_signing_alg_values_supported")).asInstanceOf(LIST)
			.containsExactly("RS256", "ES256");
		assertThat(document.get("code_challenge_methods_supported")).asInstanceOf(LIST).contains("S256");
		JWKSet jwks = JWKSet.load(this.metadata.getJWKSetURI().toURL());
		assertThat(jwks.getKeys()).isNotEmpty().allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
	}

	@Test
	void loginPageWhenAnAppAsksThenItNamesTheApp() {
		Browser.Page mobile = new Browser(this.issuer).get(OidcClient.mobileApp(this.metadata).authorizationRequest());
		Browser.Page portal = new Browser(this.issuer).get(OidcClient.portal(this.metadata).authorizationRequest());
		Browser.Page direct = new Browser(this.issuer).get("/login");

		assertThat(mobile.isLoginPage()).isTrue();
		assertThat(mobile.body()).contains("浙江图书馆的「浙江图书馆移动应用 Zhejiang Library mobile app」")
			.as("the app and its library").doesNotContain("Shaoxing");
		assertThat(portal.body()).contains("绍兴图书馆的「绍兴图书馆读者门户 Shaoxing Library reader portal」");
		assertThat(direct.body()).doesNotContain("Zhejiang Library mobile app").doesNotContain("Shaoxing Library");
	}

	@Test
	void codeWithPkceWhenOpenLdapReaderThenIdTokenUserinfoAndSsoIntoSecondApp() throws Exception {
		Browser browser = new Browser(this.issuer);
		OidcClient mobile = OidcClient.mobileApp(this.metadata);

		Browser.Page loginPage = browser.get(mobile.authorizationRequest());
		assertThat(loginPage.isLoginPage()).isTrue();
		Browser.Page afterLogin = browser.login(loginPage, "ZJ0002", "zj0002-pass");
		assertThat(afterLogin.location()).as("redirect to the app").startsWith("http://127.0.0.1:8082/callback?");

		OIDCTokenResponse tokens = mobile.exchange(afterLogin.location());
		IDTokenClaimsSet idToken = mobile.validate(tokens);
		assertThat(idToken.getStringClaim("name")).isEqualTo("王芳");
		assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("ZJ0002");
		assertThat(idToken.getStringClaim("home_library")).isEqualTo("zj");
		assertThat(idToken.getStringListClaim("libraries")).containsExactly("zj", "zj.sx");
		assertThat(idToken.getStringClaim("reader_type")).isNotBlank();
		assertThat(idToken.toJWTClaimsSet().getClaims()).doesNotContainKeys("entitlements", "resident_id");

		UserInfoResponse userInfoResponse = UserInfoResponse.parse(
				new UserInfoRequest(this.metadata.getUserInfoEndpointURI(), tokens.getOIDCTokens().getBearerAccessToken())
					.toHTTPRequest()
					.send());
		assertThat(userInfoResponse.indicatesSuccess()).isTrue();
		UserInfo userInfo = userInfoResponse.toSuccessResponse().getUserInfo();
		assertThat(userInfo.getSubject()).isEqualTo(idToken.getSubject());
		assertThat(userInfo.getName()).isEqualTo("王芳");
		assertThat(userInfo.getStringClaim("home_library")).isEqualTo("zj");

		// SSO: the portal's authorization request gets a code at once, no login form.
		OidcClient portal = OidcClient.portal(this.metadata);
		Browser.Page sso = browser.get(portal.authorizationRequest());
		assertThat(sso.location()).as("no login form for the second app")
			.startsWith("http://127.0.0.1:8081/login/oauth2/code/readerpass?");
		IDTokenClaimsSet portalIdToken = portal.validate(portal.exchange(sso.location()));
		assertThat(portalIdToken.getSubject()).isEqualTo(idToken.getSubject());
		assertThat(portalIdToken.getAudience()).extracting(Object::toString).containsExactly("sx-portal");
	}

	@Test
	void codeWhenActiveDirectoryReaderThenClaimsMappedFromAdAttributes() {
		Browser browser = new Browser(this.issuer);
		OidcClient portal = OidcClient.portal(this.metadata);
		Browser.Page loginPage = browser.get(portal.authorizationRequest());
		Browser.Page afterLogin = browser.login(loginPage, "SX0001", "sx0001-pass");
		IDTokenClaimsSet idToken = portal.validate(portal.exchange(afterLogin.location()));
		assertThat(idToken.getStringClaim("name")).isEqualTo("李娜");
		assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("SX0001");
		assertThat(idToken.getStringClaim("home_library")).isEqualTo("zj.sx");
	}

	@Test
	void accessTokenWhenReaderThenRfc9068JwtSignedEs256() throws Exception {
		Browser browser = new Browser(this.issuer);
		OidcClient mobile = OidcClient.mobileApp(this.metadata);
		Browser.Page afterLogin = browser.login(browser.get(mobile.authorizationRequest()), "ZJ0001", "zj0001-pass");
		OIDCTokenResponse tokens = mobile.exchange(afterLogin.location());

		SignedJWT accessToken = SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue());
		assertThat(accessToken.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
		assertThat(accessToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		ECKey key = (ECKey) JWKSet.load(this.metadata.getJWKSetURI().toURL())
			.getKeyByKeyId(accessToken.getHeader().getKeyID());
		assertThat(accessToken.verify(new ECDSAVerifier(key))).isTrue();
		Map<String, Object> claims = accessToken.getJWTClaimsSet().getClaims();
		assertThat(claims).containsKeys("iss", "sub", "aud", "exp", "iat", "jti", "auth_time", "scope")
			.containsEntry("client_id", "zj-reader-app");
	}

	@Test
	void idTokenWhenClientRegisteredNoAlgorithmThenRs256AndWhenItRegisteredEs256ThenEs256() throws Exception {
		Browser browser = new Browser(this.issuer);
		OidcClient portal = OidcClient.portal(this.metadata);
		Browser.Page afterLogin = browser.login(browser.get(portal.authorizationRequest()), "SX0001", "sx0001-pass");
		OIDCTokenResponse portalTokens = portal.exchange(afterLogin.location());
		OidcClient mobile = OidcClient.mobileApp(this.metadata);
		OIDCTokenResponse mobileTokens = mobile.exchange(browser.get(mobile.authorizationRequest()).location());
		JWKSet jwks = JWKSet.load(this.metadata.getJWKSetURI().toURL());

		SignedJWT portalIdToken = (SignedJWT) portalTokens.getOIDCTokens().getIDToken();
		assertThat(portalIdToken.getHeader().getAlgorithm()).as("sx-portal registered none").isEqualTo(JWSAlgorithm.RS256);
		assertThat(portalIdToken.verify(new RSASSAVerifier(
				(RSAKey) jwks.getKeyByKeyId(portalIdToken.getHeader().getKeyID())))).isTrue();
		SignedJWT mobileIdToken = (SignedJWT) mobileTokens.getOIDCTokens().getIDToken();
		assertThat(mobileIdToken.getHeader().getAlgorithm()).as("zj-reader-app registered ES256")
			.isEqualTo(JWSAlgorithm.ES256);
		assertThat(mobileIdToken.verify(new ECDSAVerifier(
				(ECKey) jwks.getKeyByKeyId(mobileIdToken.getHeader().getKeyID())))).isTrue();
		for (OIDCTokenResponse tokens : List.of(portalTokens, mobileTokens)) {
			assertThat(SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue()).getHeader().getAlgorithm())
				.as("access tokens: readerpass.keys.access-token-algorithm").isEqualTo(JWSAlgorithm.ES256);
		}
	}

	@Test
	void promptNoneWhenNoSessionThenLoginRequiredToRedirectUriWithState() {
		Browser browser = new Browser(this.issuer);
		OidcClient mobile = OidcClient.mobileApp(this.metadata);
		Browser.Page page = browser.get(mobile.authorizationRequest("none"));
		assertThat(page.location()).startsWith("http://127.0.0.1:8082/callback?");
		AuthorizationResponse response = mobile.parseRedirect(page.location()); // checks state
		assertThat(response.indicatesSuccess()).isFalse();
		assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("login_required");
	}

	@Test
	void authorizeWhenPublicClientSendsNoPkceThenErrorToRedirectUriWithState() {
		Browser.Page page = new Browser(this.issuer).get("/oauth2/authorize?response_type=code&client_id=zj-reader-app"
				+ "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8082%2Fcallback&scope=openid&state=no-pkce");
		assertThat(page.location()).startsWith("http://127.0.0.1:8082/callback?")
			.contains("error=invalid_request")
			.contains("state=no-pkce")
			.doesNotContain("code=");
	}

	@Test
	void authorizeWhenUnknownClientThenErrorPageAndNoRedirect() {
		Browser.Page page = new Browser(this.issuer).get("/oauth2/authorize?response_type=code&client_id=no-such-app"
				+ "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&scope=openid&state=s1");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.location()).isNull();
		assertThat(page.body()).contains("invalid_request").doesNotContain("evil.example").doesNotContain("Exception");
	}

	@Test
	void authorizeWhenRedirectUriNotRegisteredThenErrorPageAndNoRedirect() {
		Browser.Page page = new Browser(this.issuer).get("/oauth2/authorize?response_type=code&client_id=sx-portal"
				+ "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&scope=openid&state=s1");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.location()).isNull();
		assertThat(page.body()).doesNotContain("evil.example").doesNotContain("Exception");
	}

	@Test
	void tokenWhenNoClientCredentialsThen401InvalidClientJson() throws Exception {
		HttpResponse<String> response = postToken(null, "grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("application/json");
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_client");
	}

	@Test
	void tokenWhenWrongSecretThen401InvalidClientJson() throws Exception {
		HttpResponse<String> response = postToken(basic("sx-stats", "not-the-secret"), "grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_client");
	}

	@Test
	void clientCredentialsWhenServiceClientThenAccessToken() throws Exception {
		HttpResponse<String> response = postToken(basic("sx-stats", "sx-stats-demo-secret"),
				"grant_type=client_credentials&scope=usage.write");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = JSONObjectUtils.parse(response.body());
		SignedJWT token = SignedJWT.parse((String) body.get("access_token"));
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("sx-stats");
		assertThat(token.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo("sx-stats");
	}

	private HttpResponse<String> postToken(String authorization, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.metadata.getTokenEndpointURI())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
	}

}

package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pairwise subject identifiers (OIDC Core §8.1) on the demo network: {@code vendor-ebooks} (web,
 * {@code private_key_jwt}) and {@code vendor-ebooks-app} (native) share the sector
 * {@code ebooks.vendor.example}; {@code vendor-journals} is its own sector (its redirect URIs' host);
 * the library apps are public. One reader, signed in once (SSO), is seen by each as below, and the
 * ID token, the access token, userinfo and introspection always agree for one client.
 */
@ReaderPassServerTest
class PairwiseSubjectTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String JOURNALS_BASIC = "Basic "
			+ Base64.getEncoder().encodeToString("vendor-journals:vendor-journals-demo-secret".getBytes());

	@LocalServerPort
	int port;

	URI issuer;

	OIDCProviderMetadata metadata;

	@BeforeEach
	void discover() {
		this.issuer = URI.create("http://localhost:" + this.port);
		this.metadata = OidcClient.discover(this.issuer);
	}

	@Test
	void subWhenVendorsInDifferentSectorsThenDifferentAndWhenTheSameSectorOrClientThenTheSame() throws Exception {
		Browser browser = new Browser(this.issuer);
		String ebooks = signIn(browser, OidcClient.vendorEbooks(this.metadata), "ZJ0005");
		String ebooksAgain = signIn(browser, OidcClient.vendorEbooks(this.metadata), null);
		String ebooksApp = signIn(browser, OidcClient.vendorEbooksApp(this.metadata), null);
		String journals = signIn(browser, OidcClient.vendorJournals(this.metadata), null);
		String mobile = signIn(browser, OidcClient.mobileApp(this.metadata), null);
		String portal = signIn(browser, OidcClient.portal(this.metadata), null);

		assertThat(ebooksAgain).as("the same client, later").isEqualTo(ebooks);
		assertThat(ebooksApp).as("another client of the same sector").isEqualTo(ebooks);
		assertThat(journals).as("another sector").isNotEqualTo(ebooks);
		assertThat(portal).as("public clients see the reader's own id").isEqualTo(mobile);
		UUID readerId = UUID.fromString(mobile);
		assertThat(ebooks).isNotEqualTo(mobile).doesNotContain(readerId.toString());
		assertThat(journals).isNotEqualTo(mobile).doesNotContain(readerId.toString());
		// the documented formula: a change to it would change every vendor's sub for every reader
		assertThat(ebooks).isEqualTo(hmac("ebooks.vendor.example|" + mobile));
		assertThat(journals).isEqualTo(hmac("journals.vendor.example|" + mobile));
	}

	@Test
	void subWhenTwoReadersInOneSectorThenDifferent() {
		String first = signIn(new Browser(this.issuer), OidcClient.vendorJournals(this.metadata), "ZJ0006");
		String second = signIn(new Browser(this.issuer), OidcClient.vendorJournals(this.metadata), "ZJ0007");

		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void subWhenPairwiseClientThenIdTokenAccessTokenUserinfoIntrospectionAndRefreshAgree() throws Exception {
		Browser browser = new Browser(this.issuer);
		OidcClient journals = OidcClient.vendorJournals(this.metadata);
		Browser.Page afterLogin = browser.login(browser.get(journals.authorizationRequest()), "ZJ0008", "zj0008-pass");
		OIDCTokenResponse tokens = journals.exchange(afterLogin.location());
		String idTokenSub = journals.validate(tokens).getSubject().getValue();
		String accessToken = tokens.getOIDCTokens().getAccessToken().getValue();

		String accessTokenSub = SignedJWT.parse(accessToken).getJWTClaimsSet().getSubject();
		UserInfoResponse userInfo = UserInfoResponse.parse(
				new UserInfoRequest(this.metadata.getUserInfoEndpointURI(), tokens.getOIDCTokens().getBearerAccessToken())
					.toHTTPRequest()
					.send());
		Map<String, Object> introspection = JSONObjectUtils
			.parse(post("/oauth2/introspect", "token=" + accessToken).body());
		Map<String, Object> refreshed = JSONObjectUtils.parse(post("/oauth2/token",
				"grant_type=refresh_token&refresh_token=" + tokens.getOIDCTokens().getRefreshToken().getValue()).body());

		assertThat(accessTokenSub).isEqualTo(idTokenSub);
		assertThat(userInfo.indicatesSuccess()).isTrue();
		assertThat(userInfo.toSuccessResponse().getUserInfo().getSubject().getValue()).isEqualTo(idTokenSub);
		assertThat(userInfo.toSuccessResponse().getUserInfo().getName()).as("the reader is still found").isNotBlank();
		assertThat(introspection).containsEntry("active", true).containsEntry("sub", idTokenSub);
		assertThat(SignedJWT.parse((String) refreshed.get("id_token")).getJWTClaimsSet().getSubject())
			.isEqualTo(idTokenSub);
		assertThat(SignedJWT.parse((String) refreshed.get("access_token")).getJWTClaimsSet().getSubject())
			.isEqualTo(idTokenSub);
	}

	@Test
	void discoveryWhenFetchedThenBothSubjectTypes() throws Exception {
		Map<String, Object> document = JSONObjectUtils.parse(HTTP
			.send(HttpRequest.newBuilder(this.issuer.resolve("/.well-known/openid-configuration")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body());

		assertThat(document.get("subject_types_supported")).isEqualTo(List.of("public", "pairwise"));
	}

	/** Signs in (or, with {@code card} null, rides the browser's SSO session) and returns the ID token's sub. */
	private String signIn(Browser browser, OidcClient client, String card) {
		Browser.Page page = browser.get(client.authorizationRequest());
		if (card != null) {
			page = browser.login(page, card, card.toLowerCase() + "-pass");
		}
		assertThat(page.location()).as("a redirect to the app").isNotNull();
		return client.validate(client.exchange(page.location())).getSubject().getValue();
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(this.issuer.resolve(path))
			.header("Authorization", JOURNALS_BASIC)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String hmac(String input) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(ReaderPassServerTest.TEST_PAIRWISE_KEY.getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
	}

}

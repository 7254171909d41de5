package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.ldapsync.account.ReaderAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entitlements end to end on the demo policy: a token for resource X carries exactly X's
 * entitlements (RFC 8707 audience); on-site entitlements only through a trusted proxy forwarding
 * an address in the library's range; {@code invalid_target} for unknown, malformed or unpermitted
 * resources; a grant change shows in the next token; the admin API refuses readers and no token.
 */
@ReaderPassServerTest
class PolicyTokenTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String EBOOKS = "https://ebooks.nlc.example/";

	private static final String JOURNALS = "https://journals.zjlib.example/";

	private static final String LECTURES = "https://lectures.zjlib.example/";

	private static final String LOCAL_HISTORY = "https://localhistory.sxlib.example/";

	@LocalServerPort
	int port;

	@Autowired
	ReaderAccounts accounts;

	URI issuer;

	OIDCProviderMetadata metadata;

	@BeforeEach
	void discover() {
		this.issuer = URI.create("http://localhost:" + this.port);
		this.metadata = OidcClient.discover(this.issuer);
	}

	/** Signs in through the mobile app asking for one resource; the browser's address is forwarded. */
	private OIDCTokenResponse signIn(String card, String password, String resource, String forwardedFor) {
		Browser browser = new Browser(this.issuer, forwardedFor);
		OidcClient mobile = OidcClient.mobileApp(this.metadata);
		URI request = URI.create(mobile.authorizationRequest() + "&resource=" + enc(resource));
		Browser.Page page = browser.login(browser.get(request), card, password);
		return mobile.exchange(page.location());
	}

	private static JWTClaimsSet accessToken(OIDCTokenResponse tokens) throws Exception {
		return SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue()).getJWTClaimsSet();
	}

	@Test
	void tokenWhenResourceRequestedThenAudienceAndOnlyThatResourcesEntitlements() throws Exception {
		OIDCTokenResponse tokens = signIn("ZJ0002", "zj0002-pass", EBOOKS, null);
		JWTClaimsSet claims = accessToken(tokens);
		assertThat(claims.getAudience()).containsExactly(EBOOKS);
		assertThat(claims.getStringListClaim("entitlements")).containsExactlyInAnyOrder(
				"urn:readerpass:zj:res:nlc-ebooks:read", "urn:readerpass:zj:res:nlc-ebooks:download");
		assertThat(claims.getStringClaim("acr")).isEqualTo("urn:readerpass:acr:real-name");
		assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getClaims()).doesNotContainKey("entitlements")
			.containsEntry("acr", "urn:readerpass:acr:real-name");
	}

	@Test
	void tokenWhenReaderNotEntitledThenEmptyEntitlementsForThatResource() throws Exception {
		// ZJ0001 has no resident ID number on file (card level): no national e-books.
		JWTClaimsSet claims = accessToken(signIn("ZJ0001", "zj0001-pass", EBOOKS, null));
		assertThat(claims.getAudience()).containsExactly(EBOOKS);
		assertThat(claims.getStringListClaim("entitlements")).isEmpty();
	}

	@Test
	void onSiteEntitlementsWhenTrustedProxyForwardsAddressInLibraryRangeOnly() throws Exception {
		// zj-lectures: stream anywhere; download on-site at the reader's home library (zj.sx: 10.30.16.1-10.30.47.254).
		assertThat(accessToken(signIn("SX0001", "sx0001-pass", LECTURES, "10.30.20.1"))
			.getStringListClaim("entitlements")).containsExactlyInAnyOrder("urn:readerpass:zj:res:zj-lectures:stream",
					"urn:readerpass:zj:res:zj-lectures:download");
		assertThat(accessToken(signIn("SX0001", "sx0001-pass", LECTURES, "10.30.50.1"))
			.getStringListClaim("entitlements")).as("Zhuji's range, not the reader's library")
			.containsExactly("urn:readerpass:zj:res:zj-lectures:stream");
		assertThat(accessToken(signIn("SX0001", "sx0001-pass", LECTURES, null)).getStringListClaim("entitlements"))
			.as("no forwarded address: loopback").containsExactly("urn:readerpass:zj:res:zj-lectures:stream");
	}

	@Test
	void tokenWhenLicenceMembersThenFederationValueAdded() throws Exception {
		// cnki-journals: on-site within zj.sx for everyone; the federation value marks licence members.
		List<String> entitlements = accessToken(signIn("SX0001", "sx0001-pass", JOURNALS, "10.30.20.1"))
			.getStringListClaim("entitlements");
		assertThat(entitlements).contains("urn:readerpass:zj:res:cnki-journals:read",
				"urn:readerpass:zj:res:cnki-journals:download", "urn:mace:dir:entitlement:common-lib-terms");
	}

	@Test
	void denyWhenChildReaderThenDenyWinsOverAllow() throws Exception {
		List<String> entitlements = accessToken(signIn("SX0009", "sx0009-pass", LOCAL_HISTORY, "10.30.20.1"))
			.getStringListClaim("entitlements");
		assertThat(entitlements).containsExactly("urn:readerpass:zj:res:sx-local-history:read");
	}

	@Test
	void authorizeWhenResourceUnknownMalformedOrNotPermittedThenInvalidTargetWithState() {
		OidcClient mobile = OidcClient.mobileApp(this.metadata);
		for (String resource : new String[] { "https://unknown.example/", "not-absolute", EBOOKS + "#fragment" }) {
			Browser.Page page = new Browser(this.issuer)
				.get(URI.create(mobile.authorizationRequest() + "&resource=" + enc(resource)));
			AuthorizationResponse response = mobile.parseRedirect(page.location());
			assertThat(response.indicatesSuccess()).as(resource).isFalse();
			assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_target");
			assertThat(page.location()).doesNotContain("ebooks").doesNotContain("journals");
		}
	}

	@Test
	void tokenRequestWhenResourceNotPermittedForClientThenInvalidTargetJson() throws Exception {
		HttpResponse<String> response = postToken("sx-stats", "sx-stats-demo-secret",
				"grant_type=client_credentials&resource=" + enc(EBOOKS));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_target");
		assertThat(response.body()).doesNotContain("nlc-ebooks").doesNotContain("journals");
	}

	@Test
	void grantChangeWhenMadeThroughAdminApiThenShowsInNextToken() throws Exception {
		String admin = adminToken();
		HttpResponse<String> created = adminApi("POST", "/api/admin/grants", admin, """
				{"effect":"allow","subject":{"kind":"account","value":"%s"},"resource":"zj-lectures",
				 "actions":["download"],"network":{"kind":"anywhere"}}""".formatted(accountIdOf("SX0002")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String audit = adminApi("GET", "/api/admin/audit?limit=1", admin, null).body();
		assertThat(audit).contains("\"actor\":\"zj-admin-cli\"").contains("\"clientId\":\"zj-admin-cli\"")
			.contains("zj-lectures");
		try {
			assertThat(accessToken(signIn("SX0002", "sx0002-pass", LECTURES, null)).getStringListClaim("entitlements"))
				.contains("urn:readerpass:zj:res:zj-lectures:download");
		}
		finally {
			String id = (String) JSONObjectUtils.parse(created.body()).get("id");
			assertThat(adminApi("DELETE", "/api/admin/grants/" + id, admin, null).statusCode()).isEqualTo(204);
		}
		assertThat(accessToken(signIn("SX0002", "sx0002-pass", LECTURES, null)).getStringListClaim("entitlements"))
			.doesNotContain("urn:readerpass:zj:res:zj-lectures:download");
	}

	@Test
	void adminApiWhenNoTokenOrReaderTokenThenRefused() throws Exception {
		assertThat(adminApi("GET", "/api/admin/resources", null, null).statusCode()).isEqualTo(401);
		String readerToken = signIn("SX0001", "sx0001-pass", EBOOKS, null).getOIDCTokens()
			.getAccessToken()
			.getValue();
		assertThat(adminApi("GET", "/api/admin/resources", readerToken, null).statusCode()).isEqualTo(403);
		assertThat(adminApi("GET", "/api/admin/resources", "not-a-token", null).statusCode()).isEqualTo(401);
		HttpResponse<String> ok = adminApi("GET", "/api/admin/resources", adminToken(), null);
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("nlc-ebooks");
		HttpResponse<String> unknown = adminApi("GET", "/api/admin/no-such-thing", adminToken(), null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(unknown.body()).doesNotContain("Exception");
	}

	@Test
	void adminApiWhenReaderNamedAdminThenAllowedOtherReaderWithSameScopeForbidden() throws Exception {
		assertThat(adminApi("GET", "/api/admin/grants", adminReaderToken("ZJ0001", "zj0001-pass"), null).statusCode())
			.as("zj:ZJ0001 is an admin reader").isEqualTo(200);
		assertThat(adminApi("GET", "/api/admin/grants", adminReaderToken("SX0001", "sx0001-pass"), null).statusCode())
			.as("the scope alone is not enough").isEqualTo(403);
	}

	@Test
	void openApiWhenFetchedByAnAdminThenDescribesTheAdminApiOnlyAndWithoutATokenRefused() throws Exception {
		for (String path : List.of("/v3/api-docs/admin", "/v3/api-docs")) {
			HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(this.issuer.resolve(path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
		}
		HttpResponse<String> description = adminApi("GET", "/v3/api-docs/admin", adminToken(), null);
		assertThat(description.statusCode()).isEqualTo(200);
		assertThat(description.body()).contains("/api/admin/grants").doesNotContain("\"/login\"");
	}

	private String adminReaderToken(String card, String password) {
		Browser browser = new Browser(this.issuer);
		OidcClient console = OidcClient.adminConsole(this.metadata);
		Browser.Page page = browser.login(browser.get(console.authorizationRequest()), card, password);
		return console.exchange(page.location()).getOIDCTokens().getAccessToken().getValue();
	}

	private String accountIdOf(String card) {
		return this.accounts.findByCardNumber(card).get(0).id().toString();
	}

	private String adminToken() throws Exception {
		HttpResponse<String> response = postToken("zj-admin-cli", "zj-admin-cli-demo-secret",
				"grant_type=client_credentials&scope=readerpass.admin");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) JSONObjectUtils.parse(response.body()).get("access_token");
	}

	private HttpResponse<String> postToken(String clientId, String secret, String form) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(this.metadata.getTokenEndpointURI())
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> adminApi(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.issuer.resolve(path))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

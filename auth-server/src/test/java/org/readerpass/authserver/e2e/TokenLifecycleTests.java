package org.readerpass.authserver.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Introspection and revocation tell the truth for every token the server issued, as a stock
 * client library sees it (issue 10, point 1): client-credentials access tokens (never stored),
 * reader access tokens and refresh tokens are active until revoked, and a revoked access token is
 * refused at once by introspection, userinfo and the admin API.
 */
@ReaderPassServerTest
class TokenLifecycleTests {

	private static final ClientSecretBasic STATS = new ClientSecretBasic(new ClientID("sx-stats"),
			new Secret("sx-stats-demo-secret"));

	private static final ClientSecretBasic ADMIN_CLI = new ClientSecretBasic(new ClientID("zj-admin-cli"),
			new Secret("zj-admin-cli-demo-secret"));

	private static final ClientSecretBasic PORTAL = new ClientSecretBasic(new ClientID("sx-portal"),
			new Secret("sx-portal-demo-secret"));

	@LocalServerPort
	int port;

	private OIDCProviderMetadata metadata;

	@BeforeEach
	void discover() {
		this.metadata = OidcClient.discover(URI.create("http://localhost:" + this.port));
	}

	@Test
	void introspectWhenClientCredentialsTokenThenActiveUntilRevoked() throws Exception {
		AccessToken token = clientCredentials(STATS, "usage.write");

		TokenIntrospectionResponse before = introspect(STATS, token);
		assertThat(before.indicatesSuccess()).isTrue();
		assertThat(before.toSuccessResponse().isActive()).isTrue();
		assertThat(before.toSuccessResponse().getClientID()).isEqualTo(new ClientID("sx-stats"));
		assertThat(before.toSuccessResponse().getScope()).isEqualTo(new Scope("usage.write"));
		assertThat(before.toSuccessResponse().getIssuer().getValue()).isEqualTo("http://localhost:" + this.port);

		assertThat(revoke(STATS, token).getStatusCode()).isEqualTo(200);

		TokenIntrospectionResponse after = introspect(STATS, token);
		assertThat(after.toSuccessResponse().isActive()).isFalse();
		assertThat(after.toSuccessResponse().toJSONObject()).containsOnlyKeys("active");
	}

	@Test
	void adminApiWhenItsTokenRevokedThenRefusedAtOnce() throws Exception {
		AccessToken token = clientCredentials(ADMIN_CLI, "readerpass.admin");
		assertThat(get("/api/admin/resources", token).statusCode()).isEqualTo(200);

		assertThat(revoke(ADMIN_CLI, token).getStatusCode()).isEqualTo(200);

		HttpResponse<String> refused = get("/api/admin/resources", token);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).contains("invalid_token"));
	}

	@Test
	void revokeWhenAnotherClientsTokenThenRefusedAndTokenStillActive() throws Exception {
		AccessToken token = clientCredentials(ADMIN_CLI, "readerpass.admin");

		HTTPResponse refused = revoke(STATS, token);

		assertThat(refused.getStatusCode()).isEqualTo(400);
		assertThat(refused.getContentAsJSONObject().get("error")).isEqualTo("invalid_client");
		assertThat(introspect(ADMIN_CLI, token).toSuccessResponse().isActive()).isTrue();
	}

	@Test
	void introspectWhenReaderTokensThenActiveAndRevokedAccessTokenRefusedAtUserinfo() throws Exception {
		OIDCTokenResponse tokens = signIn("ZJ0021");
		AccessToken accessToken = tokens.getOIDCTokens().getAccessToken();
		RefreshToken refreshToken = tokens.getOIDCTokens().getRefreshToken();
		assertThat(introspect(PORTAL, accessToken).toSuccessResponse().isActive()).isTrue();
		assertThat(introspect(PORTAL, refreshToken).toSuccessResponse().isActive()).isTrue();
		assertThat(introspect(PORTAL, refreshToken).toSuccessResponse().getClientID())
			.isEqualTo(new ClientID("sx-portal"));
		assertThat(get("/userinfo", accessToken).statusCode()).isEqualTo(200);

		assertThat(revoke(PORTAL, accessToken).getStatusCode()).isEqualTo(200);

		assertThat(introspect(PORTAL, accessToken).toSuccessResponse().isActive()).isFalse();
		assertThat(get("/userinfo", accessToken).statusCode()).isEqualTo(401);
		assertThat(introspect(PORTAL, refreshToken).toSuccessResponse().isActive())
			.as("revoking an access token leaves its refresh token").isTrue();
	}

	@Test
	void revokeWhenRefreshTokenThenItsWholeAuthorizationRevoked() throws Exception {
		OIDCTokenResponse tokens = signIn("ZJ0022");
		AccessToken accessToken = tokens.getOIDCTokens().getAccessToken();
		RefreshToken refreshToken = tokens.getOIDCTokens().getRefreshToken();

		// client_secret_post this time: both methods are served
		assertThat(revoke(new ClientSecretPost(new ClientID("sx-portal"), new Secret("sx-portal-demo-secret")),
				refreshToken).getStatusCode()).isEqualTo(200);

		assertThat(introspect(PORTAL, refreshToken).toSuccessResponse().isActive()).isFalse();
		assertThat(introspect(PORTAL, accessToken).toSuccessResponse().isActive())
			.as("RFC 7009 §2.1: the access tokens of the same grant go too").isFalse();
		assertThat(get("/userinfo", accessToken).statusCode()).isEqualTo(401);
		assertThat(OidcClient.portal(this.metadata).refresh(refreshToken.getValue()).indicatesSuccess()).isFalse();
	}

	@Test
	void revokeWhenUnknownTokenThenOkAndNothingDone() throws Exception {
		assertThat(revoke(STATS, new com.nimbusds.oauth2.sdk.token.BearerAccessToken("not-a-token")).getStatusCode())
			.isEqualTo(200);
	}

	private OIDCTokenResponse signIn(String card) {
		OidcClient portal = OidcClient.portal(this.metadata);
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		Browser.Page afterLogin = browser.login(browser.get(portal.authorizationRequest()), card,
				card.toLowerCase() + "-pass");
		return portal.exchange(afterLogin.location());
	}

	private AccessToken clientCredentials(ClientSecretBasic client, String scope) throws IOException, ParseException {
		TokenResponse response = TokenResponse.parse(new TokenRequest(this.metadata.getTokenEndpointURI(), client,
				new ClientCredentialsGrant(), new Scope(scope)).toHTTPRequest().send());
		assertThat(response.indicatesSuccess()).isTrue();
		return ((AccessTokenResponse) response).getTokens().getAccessToken();
	}

	private TokenIntrospectionResponse introspect(ClientSecretBasic client, Token token)
			throws IOException, ParseException {
		return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
				this.metadata.getIntrospectionEndpointURI(), client, token).toHTTPRequest().send());
	}

	private HTTPResponse revoke(com.nimbusds.oauth2.sdk.auth.ClientAuthentication client, Token token)
			throws IOException {
		return new TokenRevocationRequest(this.metadata.getRevocationEndpointURI(), client, token).toHTTPRequest()
			.send();
	}

	private HttpResponse<String> get(String path, AccessToken token) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Bearer " + token.getValue())
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}

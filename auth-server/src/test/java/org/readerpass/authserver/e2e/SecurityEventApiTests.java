package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security audit log as an operator reads it, {@code GET /api/admin/security-events}: a
 * replayed refresh token shows up there, naming the client and never the token.
 */
@ReaderPassServerTest
class SecurityEventApiTests {

	@LocalServerPort
	int port;

	@Test
	void securityEventsWhenRefreshTokenReplayedThenListedForAdmins() throws Exception {
		URI issuer = URI.create("http://localhost:" + this.port);
		OIDCProviderMetadata metadata = OidcClient.discover(issuer);
		OidcClient portal = OidcClient.portal(metadata);
		Browser browser = new Browser(issuer);
		RefreshToken stolen = portal
			.exchange(browser.login(browser.get(portal.authorizationRequest()), "ZJ0024", "zj0024-pass").location())
			.getOIDCTokens()
			.getRefreshToken();
		assertThat(portal.refresh(stolen.getValue()).indicatesSuccess()).isTrue();
		assertThat(portal.refresh(stolen.getValue()).indicatesSuccess()).isFalse();
		AdminCli admin = new AdminCli(issuer);

		HttpResponse<String> answer = admin.call("GET", "/api/admin/security-events?type=refresh_token.reuse&limit=1",
				admin.token());

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).doesNotContain(stolen.getValue());
		List<Object> events = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(answer.body()), "events");
		assertThat(events).hasSize(1);
		@SuppressWarnings("unchecked")
		Map<String, Object> event = (Map<String, Object>) events.get(0);
		assertThat(event).containsEntry("type", "refresh_token.reuse").containsEntry("clientId", "sx-portal");
		assertThat(event.get("details")).isInstanceOf(Map.class);
	}

	@Test
	void securityEventsWhenBadQueryOrNoTokenThenProblemOr401() throws Exception {
		AdminCli admin = new AdminCli(URI.create("http://localhost:" + this.port));

		HttpResponse<String> bad = admin.call("GET", "/api/admin/security-events?type=../etc&limit=9999", admin.token());

		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(bad.body()).contains("type").contains("limit");
		assertThat(admin.call("GET", "/api/admin/security-events", null).statusCode()).isEqualTo(401);
	}

}

package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationGrantError;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The device authorization grant (RFC 8628) as a TV box drives it with a stock client library:
 * discovery, the device authorization response, and the token endpoint's answers while the box
 * polls (issue 10, point 3).
 */
@ReaderPassServerTest
class DeviceFlowTests {

	private static final String USER_CODE = "[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}";

	private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

	@LocalServerPort
	int port;

	@Autowired
	OAuth2AuthorizationService authorizations;

	String issuer;

	OIDCProviderMetadata metadata;

	TvBox box;

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

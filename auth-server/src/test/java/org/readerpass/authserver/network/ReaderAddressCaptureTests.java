package org.readerpass.authserver.network;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.MutableClock;
import org.readerpass.policy.network.IpRange;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderAddressCaptureTests {

	private static final Instant SIGN_IN = Instant.parse("2026-12-04T09:00:00Z");

	private final MutableClock clock = new MutableClock(SIGN_IN);

	private final ReaderAddressCapture capture = new ReaderAddressCapture(
			new OAuth2AuthorizationCodeRequestAuthenticationConverter(),
			new ClientAddresses(List.of(IpRange.of("127.0.0.1/32"))), this.clock);

	@BeforeEach
	void authorizationServerContext() {
		AuthorizationServerSettings settings = AuthorizationServerSettings.builder().build();
		AuthorizationServerContextHolder.setContext(new AuthorizationServerContext() {

			@Override
			public String getIssuer() {
				return "http://localhost";
			}

			@Override
			public AuthorizationServerSettings getAuthorizationServerSettings() {
				return settings;
			}

		});
	}

	@AfterEach
	void resetContext() {
		AuthorizationServerContextHolder.resetContext();
	}

	private static MockHttpServletRequest authorizationRequest(String peer, String extraQuery) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
		request.setRemoteAddr(peer);
		String query = "response_type=code&client_id=zj-reader-app&redirect_uri=http://127.0.0.1:8082/callback"
				+ "&scope=openid" + extraQuery;
		request.setQueryString(query);
		for (String pair : query.split("&")) {
			String[] nameValue = pair.split("=", 2);
			request.addParameter(nameValue[0], nameValue[1]);
		}
		return request;
	}

	@Test
	void convertWhenTrustedProxyForwardsThenReaderAddressRecorded() {
		MockHttpServletRequest request = authorizationRequest("127.0.0.1", "");
		request.addHeader("X-Forwarded-For", "10.30.20.1");
		OAuth2AuthorizationCodeRequestAuthenticationToken converted = (OAuth2AuthorizationCodeRequestAuthenticationToken) this.capture
			.convert(request);
		assertThat(converted.getAdditionalParameters()).containsEntry(ReaderAddressCapture.PARAMETER, "10.30.20.1");
	}

	@Test
	void convertWhenClientSendsTheParameterItselfThenReplacedByTheRealAddress() {
		MockHttpServletRequest request = authorizationRequest("203.0.113.9",
				"&" + ReaderAddressCapture.PARAMETER + "=10.30.20.1");
		request.addHeader("X-Forwarded-For", "10.30.20.1");
		OAuth2AuthorizationCodeRequestAuthenticationToken converted = (OAuth2AuthorizationCodeRequestAuthenticationToken) this.capture
			.convert(request);
		assertThat(converted.getAdditionalParameters()).containsEntry(ReaderAddressCapture.PARAMETER, "203.0.113.9");
	}

	@Test
	void readerAddressWhenEvidenceOlderThanItsLifetimeThenNone() {
		MockHttpServletRequest request = authorizationRequest("127.0.0.1",
				"&" + ReaderAddressCapture.SEEN_AT_PARAMETER + "=99999999999");
		request.addHeader("X-Forwarded-For", "10.30.20.1");
		OAuth2Authorization authorization = authorizationOf(
				(OAuth2AuthorizationCodeRequestAuthenticationToken) this.capture.convert(request));
		Duration lifetime = Duration.ofHours(8);

		assertThat(ReaderAddressCapture.readerAddress(authorization, SIGN_IN.plus(Duration.ofHours(7)), lifetime))
			.as("the time the client sent is replaced by the server's")
			.hasValueSatisfying(address -> assertThat(address.getHostAddress()).isEqualTo("10.30.20.1"));
		assertThat(ReaderAddressCapture.readerAddress(authorization, SIGN_IN.plus(lifetime), lifetime)).isPresent();
		assertThat(ReaderAddressCapture.readerAddress(authorization, SIGN_IN.plus(lifetime).plusSeconds(1), lifetime))
			.isEmpty();
	}

	private static OAuth2Authorization authorizationOf(OAuth2AuthorizationCodeRequestAuthenticationToken request) {
		OAuth2AuthorizationRequest authorizationRequest = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("http://localhost/oauth2/authorize")
			.clientId(request.getClientId())
			.additionalParameters(request.getAdditionalParameters())
			.build();
		RegisteredClient client = RegisteredClient.withId("zj-reader-app")
			.clientId("zj-reader-app")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://127.0.0.1:8082/callback")
			.build();
		return OAuth2Authorization.withRegisteredClient(client)
			.principalName("reader")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2AuthorizationRequest.class.getName(), authorizationRequest)
			.build();
	}

}

package org.readerpass.authserver.device;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2DeviceAuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2DeviceAuthorizationResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The device authorization response (RFC 8628 §3.2): the verification URIs from the configured
 * issuer, never from the request's {@code Host} — {@code verification_uri_complete} short enough
 * for a QR code ({@code <issuer>/device?user_code=XXXX-XXXX}) — and the polling {@code interval}.
 */
final class DeviceAuthorizationResponder implements AuthenticationSuccessHandler {

	private static final Logger log = LoggerFactory.getLogger(DeviceAuthorizationResponder.class);

	private final HttpMessageConverter<OAuth2DeviceAuthorizationResponse> json = new OAuth2DeviceAuthorizationResponseHttpMessageConverter();

	private final String verificationUri;

	private final long intervalSeconds;

	/** @param verificationUri the absolute URI of the verification page */
	DeviceAuthorizationResponder(String verificationUri, long intervalSeconds) {
		this.verificationUri = verificationUri;
		this.intervalSeconds = intervalSeconds;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2DeviceAuthorizationRequestAuthenticationToken issued = (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
		OAuth2UserCode userCode = issued.getUserCode();
		OAuth2DeviceAuthorizationResponse answer = OAuth2DeviceAuthorizationResponse
			.with(issued.getDeviceCode(), userCode)
			.verificationUri(this.verificationUri)
			.verificationUriComplete(
					this.verificationUri + "?" + OAuth2ParameterNames.USER_CODE + "=" + userCode.getTokenValue())
			.interval(this.intervalSeconds)
			.build();
		if (issued.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) {
			log.info("Device authorization started client={}", client.getRegisteredClient().getClientId());
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.json.write(answer, null, new ServletServerHttpResponse(response));
	}

}

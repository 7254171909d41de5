package org.readerpass.authserver.device;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A public device client names itself with {@code client_id} and nothing else (RFC 8628 §3.1,
 * RFC 6749 §2.3): on a device authorization request, and on a token request of the
 * {@code device_code} grant, when that {@code client_id} is a registered device client (its
 * refreshes and revocations, like every public client's, go through
 * {@code security.PublicClientIdentification}). The stock converters know public clients only with a PKCE verifier. A request
 * carrying any credential, or naming any other client, is left to them: with nothing else it stays
 * unauthenticated, {@code 401 invalid_client}.
 */
final class DeviceClientAuthenticationConverter implements AuthenticationConverter {

	private static final String DEVICE_CODE = AuthorizationGrantType.DEVICE_CODE.getValue();

	private final RequestMatcher deviceAuthorization;

	private final RequestMatcher token;

	private final RegisteredClientRepository clients;

	DeviceClientAuthenticationConverter(String deviceAuthorizationEndpoint, String tokenEndpoint,
			RegisteredClientRepository clients) {
		this.clients = clients;
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		this.deviceAuthorization = paths.matcher(HttpMethod.POST, deviceAuthorizationEndpoint);
		this.token = paths.matcher(HttpMethod.POST, tokenEndpoint);
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		boolean deviceRequest = this.deviceAuthorization.matches(request) || (this.token.matches(request)
				&& DEVICE_CODE.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)));
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (!deviceRequest || clientIds == null || clientIds.length != 1 || clientIds[0].isBlank()
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
				|| !DeviceClientAuthenticationProvider.isDeviceClient(this.clients.findByClientId(clientIds[0]))) {
			return null;
		}
		return new DeviceClientAuthenticationToken(clientIds[0], Map.of());
	}

}

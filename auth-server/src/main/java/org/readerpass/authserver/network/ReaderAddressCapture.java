package org.readerpass.authserver.network;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Records, with each authorization request, the address the reader's browser came from (resolved
 * by {@link ClientAddresses}). The token request of a web app comes from the app's server, not
 * from the reader, so on-site conditions are decided on this address. A parameter of the same
 * name sent by the client is discarded.
 */
public final class ReaderAddressCapture implements AuthenticationConverter {

	static final String PARAMETER = "readerpass_reader_address";

	private final AuthenticationConverter delegate;

	private final ClientAddresses addresses;

	public ReaderAddressCapture(AuthenticationConverter delegate, ClientAddresses addresses) {
		this.delegate = delegate;
		this.addresses = addresses;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		Authentication converted = this.delegate.convert(request);
		if (!(converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest)
				|| converted instanceof OAuth2PushedAuthorizationRequestAuthenticationToken) {
			return converted;
		}
		Map<String, Object> parameters = new HashMap<>(authorizationRequest.getAdditionalParameters());
		parameters.remove(PARAMETER);
		this.addresses.resolve(request).ifPresent(address -> parameters.put(PARAMETER, address.getHostAddress()));
		return new OAuth2AuthorizationCodeRequestAuthenticationToken(authorizationRequest.getAuthorizationUri(),
				authorizationRequest.getClientId(), (Authentication) authorizationRequest.getPrincipal(),
				authorizationRequest.getRedirectUri(), authorizationRequest.getState(), authorizationRequest.getScopes(),
				parameters);
	}

	/** The reader's address recorded with an authorization, if it was known. */
	public static Optional<InetAddress> readerAddress(OAuth2Authorization authorization) {
		OAuth2AuthorizationRequest request = (authorization != null)
				? authorization.getAttribute(OAuth2AuthorizationRequest.class.getName()) : null;
		Object recorded = (request != null) ? request.getAdditionalParameters().get(PARAMETER) : null;
		return (recorded instanceof String text) ? ClientAddresses.literal(text) : Optional.empty();
	}

}

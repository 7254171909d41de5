package org.readerpass.authserver.network;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

	/** When the address was seen, epoch seconds. */
	static final String SEEN_AT_PARAMETER = "readerpass_reader_address_at";

	private final AuthenticationConverter delegate;

	private final ClientAddresses addresses;

	private final Clock clock;

	public ReaderAddressCapture(AuthenticationConverter delegate, ClientAddresses addresses, Clock clock) {
		this.delegate = delegate;
		this.addresses = addresses;
		this.clock = clock;
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
		parameters.remove(SEEN_AT_PARAMETER);
		this.addresses.resolve(request).ifPresent(address -> {
			parameters.put(PARAMETER, address.getHostAddress());
			parameters.put(SEEN_AT_PARAMETER, Long.toString(this.clock.instant().getEpochSecond()));
		});
		return new OAuth2AuthorizationCodeRequestAuthenticationToken(authorizationRequest.getAuthorizationUri(),
				authorizationRequest.getClientId(), (Authentication) authorizationRequest.getPrincipal(),
				authorizationRequest.getRedirectUri(), authorizationRequest.getState(), authorizationRequest.getScopes(),
				parameters);
	}

	/**
	 * The reader's address recorded with an authorization, if it was known and seen no longer than
	 * {@code maxAge} before {@code now}: stale evidence of being on site is no evidence.
	 */
	public static Optional<InetAddress> readerAddress(OAuth2Authorization authorization, Instant now,
			Duration maxAge) {
		OAuth2AuthorizationRequest request = (authorization != null)
				? authorization.getAttribute(OAuth2AuthorizationRequest.class.getName()) : null;
		if (request == null) {
			return Optional.empty();
		}
		Object recorded = request.getAdditionalParameters().get(PARAMETER);
		Object seenAt = request.getAdditionalParameters().get(SEEN_AT_PARAMETER);
		if (!(recorded instanceof String text) || !(seenAt instanceof String seconds)) {
			return Optional.empty();
		}
		try {
			if (Instant.ofEpochSecond(Long.parseLong(seconds)).plus(maxAge).isBefore(now)) {
				return Optional.empty();
			}
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return ClientAddresses.literal(text);
	}

}

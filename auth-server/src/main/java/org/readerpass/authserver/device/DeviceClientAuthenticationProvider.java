package org.readerpass.authserver.device;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Authenticates a {@link DeviceClientAuthenticationToken}: the named client must be a registered
 * public device client (authentication method {@code none}, device authorization grant), as the
 * converter made sure; a client changed since is {@code invalid_client}.
 */
final class DeviceClientAuthenticationProvider implements AuthenticationProvider {

	private static final String SPEC = "https://datatracker.ietf.org/doc/html/rfc6749#section-2.3";

	private final RegisteredClientRepository clients;

	DeviceClientAuthenticationProvider(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String clientId = ((DeviceClientAuthenticationToken) authentication).getPrincipal().toString();
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (!isDeviceClient(client)) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
					"Client authentication failed: not a registered device client", SPEC));
		}
		return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
	}

	/** A registered public client of the device authorization grant. */
	static boolean isDeviceClient(RegisteredClient client) {
		return client != null && client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
				&& client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.DEVICE_CODE);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return DeviceClientAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

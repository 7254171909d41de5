package org.readerpass.authserver.device;

import java.util.Map;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * A device client naming itself by {@code client_id} alone (authentication method {@code none}),
 * as {@link DeviceClientAuthenticationConverter} reads it; only
 * {@link DeviceClientAuthenticationProvider} authenticates it.
 */
final class DeviceClientAuthenticationToken extends OAuth2ClientAuthenticationToken {

	DeviceClientAuthenticationToken(String clientId, Map<String, Object> additionalParameters) {
		super(clientId, ClientAuthenticationMethod.NONE, null, additionalParameters);
	}

}

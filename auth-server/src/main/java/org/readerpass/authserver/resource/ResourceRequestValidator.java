package org.readerpass.authserver.resource;

import java.net.URI;
import java.util.function.Consumer;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * Checks the RFC 8707 {@code resource} values of an authorization request: each must be a
 * registered resource this client may ask for. Runs after the redirect URI has been validated, so
 * an {@code invalid_target} goes back to the client with its {@code state}.
 */
public final class ResourceRequestValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	private final ResourceAccess resourceAccess;

	public ResourceRequestValidator(ResourceAccess resourceAccess) {
		this.resourceAccess = resourceAccess;
	}

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		try {
			for (URI resource : ResourceIndicators.parse(request.getAdditionalParameters().get(ResourceIndicators.PARAMETER))) {
				this.resourceAccess.resolve(context.getRegisteredClient(), resource);
			}
		}
		catch (OAuth2AuthenticationException ex) {
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(ex.getError(), request);
		}
	}

}

package org.readerpass.authserver.security;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A public client (a mobile app, a TV box: method {@code none}) identifies itself by
 * {@code client_id} alone where the stock server only lets it do so with a PKCE verifier: to
 * refresh (its refresh tokens are rotated and replay-detected, RFC 9700 §4.14.2) and to revoke
 * its own tokens (RFC 7009 §5). A confidential client never passes this way: it must
 * authenticate.
 */
final class PublicClientIdentification {

	private static final String SPEC = "https://datatracker.ietf.org/doc/html/rfc6749#section-2.3";

	private PublicClientIdentification() {
	}

	/** Reads {@code client_id} from a refresh or revocation request that carries no credential. */
	static final class Converter implements AuthenticationConverter {

		private final String revocationEndpoint;

		Converter(String revocationEndpoint) {
			this.revocationEndpoint = revocationEndpoint;
		}

		@Override
		public Authentication convert(HttpServletRequest request) {
			boolean refresh = AuthorizationGrantType.REFRESH_TOKEN.getValue()
				.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
			boolean revocation = request.getParameter(OAuth2ParameterNames.GRANT_TYPE) == null
					&& this.revocationEndpoint.equals(request.getServletPath());
			if ((!refresh && !revocation) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
					|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
					|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
					|| request.getParameter(PkceParameterNames.CODE_VERIFIER) != null) {
				return null;
			}
			String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
			if (clientIds == null) {
				return null;
			}
			if (clientIds.length != 1 || clientIds[0].isBlank()) {
				throw InvalidRequest.exception("client_id must be given once", SPEC);
			}
			Map<String, Object> parameters = new HashMap<>();
			request.getParameterMap().forEach((name, values) -> {
				if (!OAuth2ParameterNames.CLIENT_ID.equals(name) && values.length > 0) {
					parameters.put(name, (values.length == 1) ? values[0] : values);
				}
			});
			return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null, parameters);
		}

	}

	/** Accepts the identification of a registered public client; any other is {@code invalid_client}. */
	static final class Provider implements AuthenticationProvider {

		private final RegisteredClientRepository clients;

		Provider(RegisteredClientRepository clients) {
			this.clients = clients;
		}

		@Override
		public Authentication authenticate(Authentication authentication) throws AuthenticationException {
			OAuth2ClientAuthenticationToken identification = (OAuth2ClientAuthenticationToken) authentication;
			if (!ClientAuthenticationMethod.NONE.equals(identification.getClientAuthenticationMethod())
					|| identification.getAdditionalParameters().containsKey(PkceParameterNames.CODE_VERIFIER)) {
				return null; // a PKCE code exchange: the stock provider checks it
			}
			RegisteredClient client = this.clients.findByClientId(String.valueOf(identification.getPrincipal()));
			if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
			}
			return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}

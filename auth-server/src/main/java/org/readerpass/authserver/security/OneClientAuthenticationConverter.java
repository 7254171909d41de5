package org.readerpass.authserver.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The first client-authentication step of the token, introspection and revocation endpoints: a
 * request authenticated with HTTP Basic may not also carry a client secret or assertion in its
 * body, nor name another client there, and a body may not carry both a secret and an assertion
 * (RFC 6749 §2.3: "MUST NOT use more than one authentication method in each request"). Such a request is {@code invalid_request} (400), never served as one of
 * the two clients. It authenticates nobody: otherwise the stock converters go on.
 */
final class OneClientAuthenticationConverter implements AuthenticationConverter {

	private static final String SPEC = "https://datatracker.ietf.org/doc/html/rfc6749#section-2.3";

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				&& request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
			throw invalidRequest("the client sent both a client secret and a client assertion");
		}
		String basicClient = basicClientId(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (basicClient == null) {
			return null;
		}
		if (request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
			throw invalidRequest("the client authenticated with HTTP Basic and again in the request body");
		}
		String[] bodyClients = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (bodyClients != null && (bodyClients.length != 1 || !bodyClients[0].equals(basicClient))) {
			throw invalidRequest("client_id differs from the client that authenticated with HTTP Basic");
		}
		return null;
	}

	/** The client id of an HTTP Basic header (form-URL-encoded, RFC 6749 §2.3.1), or {@code null}. */
	private static String basicClientId(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = credentials.indexOf(':');
			return (colon > 0) ? URLDecoder.decode(credentials.substring(0, colon), StandardCharsets.UTF_8) : null;
		}
		catch (IllegalArgumentException ex) {
			return null; // malformed: the stock converter answers invalid_client
		}
	}

	private static OAuth2AuthenticationException invalidRequest(String description) {
		return InvalidRequest.exception(description, SPEC);
	}

}

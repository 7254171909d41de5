package org.readerpass.authserver.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Bearer tokens from the {@code Authorization} header only (RFC 6750 §2.1), and a request that also
 * carries an {@code access_token} in its query or body used more than one method: 400
 * {@code invalid_request} (§3.1), never served with either token.
 */
final class OneBearerTokenResolver implements BearerTokenResolver {

	private static final String PARAMETER = "access_token";

	private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null && request.getParameterValues(PARAMETER) != null) {
			throw new OAuth2AuthenticationException(
					BearerTokenErrors.invalidRequest("Found multiple bearer tokens in the request"));
		}
		return this.header.resolve(request);
	}

}

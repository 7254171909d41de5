package org.readerpass.authserver.resource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * RFC 8707 {@code resource} parameters: parsing, and choosing the one resource an access token
 * is for. Every failure is {@code invalid_target}, and no error names the resources that would
 * have been accepted.
 */
public final class ResourceIndicators {

	public static final String PARAMETER = "resource";

	public static final String INVALID_TARGET = "invalid_target";

	private static final String RFC = "https://www.rfc-editor.org/rfc/rfc8707#section-2";

	private ResourceIndicators() {
	}

	/**
	 * The {@code resource} values of a request's additional parameters (absent, one String, or a
	 * String array when repeated), each an absolute URI without fragment.
	 */
	public static Set<URI> parse(Object parameter) {
		List<String> values = new ArrayList<>();
		if (parameter instanceof String value) {
			values.add(value);
		}
		else if (parameter instanceof String[] array) {
			values.addAll(List.of(array));
		}
		else if (parameter != null) {
			throw invalidTarget("The resource parameter is malformed");
		}
		Set<URI> resources = new LinkedHashSet<>();
		for (String value : values) {
			resources.add(uri(value));
		}
		return resources;
	}

	/**
	 * The resource an access token is for: what the token request names, which must be among what
	 * the authorization request named (when it named any); else what the authorization request
	 * named. One resource per token; none gives a token without a resource audience.
	 */
	public static URI choose(Set<URI> atAuthorization, Set<URI> atTokenRequest) {
		if (!atAuthorization.isEmpty() && !atAuthorization.containsAll(atTokenRequest)) {
			throw invalidTarget("The token request names a resource the authorization request did not");
		}
		Set<URI> effective = atTokenRequest.isEmpty() ? atAuthorization : atTokenRequest;
		if (effective.size() > 1) {
			throw invalidTarget("Request a token for one resource at a time");
		}
		return effective.isEmpty() ? null : effective.iterator().next();
	}

	public static OAuth2AuthenticationException invalidTarget(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(INVALID_TARGET, description, RFC));
	}

	private static URI uri(String value) {
		try {
			URI uri = new URI(value);
			if (!uri.isAbsolute() || uri.getFragment() != null || uri.isOpaque() && !"urn".equals(uri.getScheme())) {
				throw invalidTarget("The resource parameter must be an absolute URI without a fragment");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw invalidTarget("The resource parameter must be an absolute URI without a fragment");
		}
	}

}

package org.readerpass.authserver.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/** {@code invalid_request} (RFC 6749 §4.1.2.1, §5.2) with what is wrong and the rule it breaks. */
final class InvalidRequest {

	private InvalidRequest() {
	}

	static OAuth2Error error(String description, String specUri) {
		return new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, specUri);
	}

	static OAuth2AuthenticationException exception(String description, String specUri) {
		return new OAuth2AuthenticationException(error(description, specUri));
	}

}

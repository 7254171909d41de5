package org.readerpass.authserver.security;

import java.util.regex.Pattern;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** The syntax of PKCE's values (RFC 7636), checked before any of them is compared. */
final class Pkce {

	static final String CODE_CHALLENGE = "code_challenge";

	static final String CODE_VERIFIER = "code_verifier";

	/** §4.1: 43 to 128 characters of the unreserved set {@code [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"}. */
	private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

	/** §4.2, S256: BASE64URL without padding of a SHA-256 digest, so exactly 43 characters. */
	private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{42}[AEIMQUYcgkosw048]");

	private static final String SPEC = "https://datatracker.ietf.org/doc/html/rfc7636#section-4";

	private Pkce() {
	}

	static boolean isVerifier(String value) {
		return VERIFIER.matcher(value).matches();
	}

	static boolean isS256Challenge(String value) {
		return S256_CHALLENGE.matcher(value).matches();
	}

	static OAuth2AuthenticationException invalidRequest(String description) {
		return InvalidRequest.exception(description, SPEC);
	}

}

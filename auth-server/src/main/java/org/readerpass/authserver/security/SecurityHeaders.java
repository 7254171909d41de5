package org.readerpass.authserver.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every chain sends, beside Spring Security's defaults (no sniffing,
 * {@code X-Frame-Options: DENY}, no caching of authenticated answers, HSTS on TLS): a
 * Content-Security-Policy that allows this server's own files only and no framing, and no
 * {@code Referer} to other sites (an authorization response's URL holds the code).
 */
final class SecurityHeaders {

	/** The pages have no inline script or style: everything comes from this origin. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'none'; frame-ancestors 'none'";

	private SecurityHeaders() {
	}

	static void apply(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions(frames -> frames.deny()));
	}

}

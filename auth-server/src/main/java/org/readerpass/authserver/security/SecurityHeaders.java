package org.readerpass.authserver.security;

import org.readerpass.authserver.issuer.IssuerProperties;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The response headers every chain sends, beside Spring Security's defaults (no sniffing,
 * {@code X-Frame-Options: DENY}, no caching of authenticated answers): a Content-Security-Policy
 * that allows this server's own files only and no framing, and no {@code Referer} to other sites
 * (an authorization response's URL holds the code). HSTS on every answer when the issuer is
 * {@code https}: TLS then ends at a proxy in front, so the requests reaching the server are plain
 * HTTP and Spring Security's default (HSTS on TLS requests only) would never send it.
 */
public final class SecurityHeaders {

	/** The pages have no inline script or style: everything comes from this origin. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'none'; frame-ancestors 'none'";

	private SecurityHeaders() {
	}

	/** How long browsers remember to use {@code https} only: one year. */
	static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;

	static void apply(HttpSecurity http, IssuerProperties issuer) throws Exception {
		http.headers(headers -> {
			headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions(frames -> frames.deny());
			if (issuer.isHttps()) {
				headers.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
					.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)
					.includeSubDomains(true));
			}
		});
	}

}

package org.readerpass.authserver.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parameters the servlet container cannot decode — a bad %-escape ({@code a=%g}), invalid UTF-8,
 * an empty name ({@code ?=0}) — are {@code 400 invalid_request} before anything reads them, on
 * every path. Left to the container, the first filter to ask for a parameter failed with an
 * {@link IllegalStateException} that was logged at ERROR with a stack trace and the parameter's
 * value (which may be a code or a token) on every such request. The answer is an RFC 9457 problem
 * with the OAuth {@code error} member, so both the admin API's clients and OAuth clients read it.
 * Only the request's path is logged, at DEBUG.
 */
final class MalformedParameters extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedParameters.class);

	private static final String BODY = """
			{"type":"about:blank","title":"Bad Request","status":400,\
			"detail":"a parameter is not well-formed: a bad %-escape, invalid UTF-8 or an empty name",\
			"error":"invalid_request"}""";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException ex) { // what the container throws for parameters it cannot decode
			log.debug("Malformed parameters refused path={}", request.getRequestURI());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
			response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
	}

}

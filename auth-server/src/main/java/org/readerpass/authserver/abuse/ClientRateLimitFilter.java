package org.readerpass.authserver.abuse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token requests per client, counted after the client has authenticated (a caller naming another
 * client's id spends nothing of that client's rate): past the rate, 429 with {@code Retry-After}
 * ({@link TooManyRequests}). Off when the limit is 0 (the default). Sits in the protocol filter
 * chain between client authentication and the token endpoint.
 */
public final class ClientRateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ClientRateLimitFilter.class);

	private final Counters counters;

	private final Clock clock;

	private final RequestMatcher tokenRequests;

	private final long limit;

	private final Duration window;

	ClientRateLimitFilter(Counters counters, Clock clock, RequestMatcher tokenRequests, long limit, Duration window) {
		this.counters = counters;
		this.clock = clock;
		this.tokenRequests = tokenRequests;
		this.limit = limit;
		this.window = window;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication client = SecurityContextHolder.getContext().getAuthentication();
		if (this.limit > 0 && client instanceof OAuth2ClientAuthenticationToken authenticated
				&& authenticated.isAuthenticated() && authenticated.getRegisteredClient() != null
				&& this.tokenRequests.matches(request)) {
			String clientId = authenticated.getRegisteredClient().getClientId();
			Window requests = this.counters.count("rate:token:client:" + clientId, this.window);
			if (requests.count() > this.limit) {
				if (requests.count() == this.limit + 1) {
					log.warn("Rate limited endpoint=token client={} until={}", clientId, requests.end());
				}
				TooManyRequests.send(response, requests.secondsLeft(this.clock.instant()));
				return;
			}
		}
		chain.doFilter(request, response);
	}

}

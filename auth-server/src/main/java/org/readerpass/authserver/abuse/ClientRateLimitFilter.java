package org.readerpass.authserver.abuse;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token requests per client, counted after the client has authenticated (a caller naming another
 * client's id spends nothing of that client's rate): past the rate, 429 with {@code Retry-After}
 * ({@link TooManyRequests}). Off when the limit is 0 (the default). Counted in chunks
 * ({@link Rate}). Sits in the protocol filter chain between client authentication and the token
 * endpoint.
 */
public final class ClientRateLimitFilter extends OncePerRequestFilter {

	private final Clock clock;

	private final RequestMatcher tokenRequests;

	private final Rate rate;

	ClientRateLimitFilter(Clock clock, RequestMatcher tokenRequests, Rate rate) {
		this.clock = clock;
		this.tokenRequests = tokenRequests;
		this.rate = rate;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication client = SecurityContextHolder.getContext().getAuthentication();
		if (client instanceof OAuth2ClientAuthenticationToken authenticated && authenticated.isAuthenticated()
				&& authenticated.getRegisteredClient() != null && this.tokenRequests.matches(request)) {
			Optional<Rate.Limited> limited = this.rate.take(authenticated.getRegisteredClient().getClientId());
			if (limited.isPresent()) {
				TooManyRequests.send(response, limited.get().secondsLeft(this.clock.instant()));
				return;
			}
		}
		chain.doFilter(request, response);
	}

}

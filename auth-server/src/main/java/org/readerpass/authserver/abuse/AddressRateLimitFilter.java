package org.readerpass.authserver.abuse;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.readerpass.authserver.network.ClientAddresses;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per source address at the token and device authorization endpoints, before any client
 * is authenticated (a flood costs no client authentication): past the rate, 429 with
 * {@code Retry-After} ({@link TooManyRequests}). Counted in chunks ({@link Rate}): one count (one
 * Redis round trip) per chunk of a hundredth of the limit, none for requests refused once the
 * window's allowance is used up; other requests pass untouched.
 */
final class AddressRateLimitFilter extends OncePerRequestFilter {

	/** An endpoint's POSTs and its rate per address. */
	record Limit(RequestMatcher endpoint, Rate rate) {

		Limit(String path, Rate rate) {
			this(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path), rate);
		}

	}

	private final ClientAddresses addresses;

	private final Clock clock;

	private final Limit token;

	private final Limit deviceAuthorization;

	AddressRateLimitFilter(ClientAddresses addresses, Clock clock, Limit token, Limit deviceAuthorization) {
		this.addresses = addresses;
		this.clock = clock;
		this.token = token;
		this.deviceAuthorization = deviceAuthorization;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Limit limit = limitOf(request);
		if (limit != null) {
			Optional<Rate.Limited> limited = limit.rate().take(SourceAddresses.key(this.addresses.resolve(request)));
			if (limited.isPresent()) {
				TooManyRequests.send(response, limited.get().secondsLeft(this.clock.instant()));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private Limit limitOf(HttpServletRequest request) {
		for (Limit limit : new Limit[] { this.token, this.deviceAuthorization }) {
			if (limit.endpoint().matches(request)) {
				return limit;
			}
		}
		return null;
	}

}

package org.readerpass.authserver.abuse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.readerpass.authserver.network.ClientAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per source address at the token and device authorization endpoints, before any client
 * is authenticated (a flood costs one count per request, nothing more): past the rate, 429 with
 * {@code Retry-After} ({@link TooManyRequests}). One count (one Redis round trip) per request of
 * those two endpoints; other requests pass untouched.
 */
final class AddressRateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AddressRateLimitFilter.class);

	/** An endpoint's POSTs, its limit per address and window; a limit of 0 is off. */
	record Limit(RequestMatcher endpoint, String name, long limit, Duration window) {

		Limit(String path, String name, long limit, Duration window) {
			this(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path), name, limit, window);
		}

	}

	private final Counters counters;

	private final ClientAddresses addresses;

	private final Clock clock;

	private final Limit token;

	private final Limit deviceAuthorization;

	AddressRateLimitFilter(Counters counters, ClientAddresses addresses, Clock clock, Limit token,
			Limit deviceAuthorization) {
		this.counters = counters;
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
			String source = SourceAddresses.key(this.addresses.resolve(request));
			Window requests = this.counters.count("rate:" + limit.name() + ":address:" + source, limit.window());
			if (requests.count() > limit.limit()) {
				if (requests.count() == limit.limit() + 1) {
					log.warn("Rate limited endpoint={} address={} until={}", limit.name(), source, requests.end());
				}
				TooManyRequests.send(response, requests.secondsLeft(this.clock.instant()));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private Limit limitOf(HttpServletRequest request) {
		for (Limit limit : new Limit[] { this.token, this.deviceAuthorization }) {
			if (limit.limit() > 0 && limit.endpoint().matches(request)) {
				return limit;
			}
		}
		return null;
	}

}

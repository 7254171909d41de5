package org.readerpass.authserver.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.readerpass.authserver.abuse.Counters;
import org.readerpass.authserver.abuse.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationToken;

/**
 * What a box's poll of the token endpoint gets beyond the stock provider (RFC 8628 §3.5):
 * <ul>
 * <li>its pace: while the reader has not yet decided, a poll sooner than the box's interval after
 * its previous poll answers {@code slow_down}, and that box's interval grows by 5 seconds for this
 * and every later poll. The first poll, and every poll once the reader has decided, go on to the
 * stock provider ({@code authorization_pending}, tokens, {@code access_denied},
 * {@code expired_token});</li>
 * <li>a device code that has already given tokens is {@code invalid_grant} (RFC 6749 §5.2), where
 * the stock provider would tell the box the reader denied it.</li>
 * </ul>
 *
 * <p>
 * The pace is kept per pending authorization in the server's {@link Counters} (this node's memory,
 * or Redis shared by every node with {@code readerpass.stores=redis}): a window from the last poll
 * that lasts the box's interval (a poll inside it is too fast), and the box's number of
 * {@code slow_down}s, forgotten when its device code expires. Both go once the reader has decided.
 */
final class DevicePolling implements AuthenticationProvider {

	static final String SLOW_DOWN = "slow_down";

	static final Duration STEP = Duration.ofSeconds(5);

	private static final String SPEC = "https://datatracker.ietf.org/doc/html/rfc8628#section-3.5";

	private static final String USED_SPEC = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private static final Logger log = LoggerFactory.getLogger(DevicePolling.class);

	private final AuthenticationProvider delegate;

	private final OAuth2AuthorizationService authorizations;

	private final Clock clock;

	private final Duration interval;

	private final Counters counters;

	DevicePolling(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations, Clock clock,
			Duration interval, Counters counters) {
		this.delegate = delegate;
		this.authorizations = authorizations;
		this.clock = clock;
		this.interval = interval;
		this.counters = counters;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OAuth2DeviceCodeAuthenticationToken poll = (OAuth2DeviceCodeAuthenticationToken) authentication;
		OAuth2Authorization authorization = this.authorizations.findByToken(poll.getDeviceCode(), DeviceCodes.TYPE);
		if (authorization != null && isOwnedBy(authorization, poll)) {
			if (authorization.getAccessToken() != null) {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
						"The device code has been used", USED_SPEC));
			}
			Instant now = this.clock.instant();
			if (isPending(authorization)) {
				Duration slowerInterval = tooFast(authorization, now);
				if (slowerInterval != null) {
					log.info("Device polled too fast: slow_down client={} intervalSeconds={}",
							authorization.getRegisteredClientId(), slowerInterval.toSeconds());
					throw new OAuth2AuthenticationException(new OAuth2Error(SLOW_DOWN, null, SPEC));
				}
			}
			else {
				this.counters.forget(paceKey(authorization));
				this.counters.forget(slowDownsKey(authorization));
			}
		}
		return this.delegate.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

	/** Records this poll; the box's new, longer interval if it came too soon, else {@code null}. */
	private Duration tooFast(OAuth2Authorization authorization, Instant now) {
		String pace = paceKey(authorization);
		long slowDowns = this.counters.peek(slowDownsKey(authorization)).map(Window::count).orElse(0L);
		if (this.counters.count(pace, intervalAfter(slowDowns)).count() <= 1) {
			// the previous poll's interval had passed: a new one starts now (0: the store could not
			// count, and a box is never told to slow down for that)
			return null;
		}
		Instant expiresAt = authorization.getToken(OAuth2DeviceCode.class).getToken().getExpiresAt();
		Duration untilExpiry = Duration.between(now, expiresAt);
		slowDowns = this.counters.count(slowDownsKey(authorization),
				untilExpiry.isNegative() || untilExpiry.isZero() ? Duration.ofSeconds(1) : untilExpiry).count();
		Duration slower = intervalAfter(slowDowns);
		this.counters.forget(pace);
		this.counters.count(pace, slower);
		return slower;
	}

	private Duration intervalAfter(long slowDowns) {
		return this.interval.plus(STEP.multipliedBy(slowDowns));
	}

	private static String paceKey(OAuth2Authorization authorization) {
		return "device:pace:" + authorization.getId();
	}

	private static String slowDownsKey(OAuth2Authorization authorization) {
		return "device:slow-downs:" + authorization.getId();
	}

	/** Neither approved nor denied yet, and not expired: what the stock provider calls pending. */
	private static boolean isPending(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2DeviceCode> deviceCode = authorization.getToken(OAuth2DeviceCode.class);
		OAuth2Authorization.Token<OAuth2UserCode> userCode = authorization.getToken(OAuth2UserCode.class);
		return deviceCode != null && userCode != null && !deviceCode.isInvalidated() && !deviceCode.isExpired()
				&& !userCode.isInvalidated();
	}

	/** A device code polled by another client is the stock provider's to refuse (and invalidate). */
	private static boolean isOwnedBy(OAuth2Authorization authorization, OAuth2DeviceCodeAuthenticationToken poll) {
		return poll.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null
				&& client.getRegisteredClient().getId().equals(authorization.getRegisteredClientId());
	}

	/** Whether a pace is kept for this authorization. */
	boolean tracks(String authorizationId) {
		return this.counters.peek("device:pace:" + authorizationId).isPresent()
				|| this.counters.peek("device:slow-downs:" + authorizationId).isPresent();
	}

}

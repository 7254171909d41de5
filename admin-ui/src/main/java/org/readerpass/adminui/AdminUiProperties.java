package org.readerpass.adminui;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin API and live policy ({@code readerpass.admin}).
 *
 * @param timeZone the network's time zone: a grant's dates without a time (validFrom
 * {@code 2027-01-01}, validThrough {@code 2027-12-31}) are days there; default
 * {@code Asia/Shanghai}
 * @param policyPollInterval how often each node compares the store's policy revision with its
 * snapshot's, in case a change signal was lost; default 10 s, {@code 0} for never
 */
@ConfigurationProperties("readerpass.admin")
public record AdminUiProperties(ZoneId timeZone, Duration policyPollInterval) {

	public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");

	public static final Duration DEFAULT_POLICY_POLL_INTERVAL = Duration.ofSeconds(10);

	public AdminUiProperties {
		timeZone = (timeZone != null) ? timeZone : DEFAULT_TIME_ZONE;
		policyPollInterval = (policyPollInterval != null) ? policyPollInterval : DEFAULT_POLICY_POLL_INTERVAL;
		if (policyPollInterval.isNegative()) {
			throw new IllegalArgumentException("readerpass.admin.policy-poll-interval must not be negative");
		}
	}

}

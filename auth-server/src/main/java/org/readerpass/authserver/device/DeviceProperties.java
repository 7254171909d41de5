package org.readerpass.authserver.device;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The device authorization grant for TV boxes ({@code readerpass.device}, RFC 8628).
 *
 * @param interval how long a box waits between two polls of the token endpoint (the response's
 * {@code interval}, whole seconds); a poll sooner than that answers {@code slow_down} and adds
 * 5 seconds for that box
 * @param lifetime how long a device code and its user code are good for (the response's
 * {@code expires_in}); the reader must confirm within it
 */
@Validated
@ConfigurationProperties("readerpass.device")
public record DeviceProperties(@DefaultValue("5s") @DurationMin(seconds = 1) @DurationMax(seconds = 60) Duration interval,
		@DefaultValue("10m") @DurationMin(minutes = 1) @DurationMax(hours = 1) Duration lifetime) {

	/** The interval in the whole seconds a device authorization response states. */
	long intervalSeconds() {
		return this.interval.toSeconds();
	}

}

package org.readerpass.authserver.device;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * @param wrongCodes how many wrong user codes the verification page takes before it refuses more
 */
@Validated
@ConfigurationProperties("readerpass.device")
public record DeviceProperties(@DefaultValue("5s") @DurationMin(seconds = 1) @DurationMax(seconds = 60) Duration interval,
		@DefaultValue("10m") @DurationMin(minutes = 1) @DurationMax(hours = 1) Duration lifetime,
		@DefaultValue @Valid WrongCodes wrongCodes) {

	/**
	 * Wrong user codes typed on the verification page. Once a browser session, or a source address,
	 * has typed this many wrong codes within {@code window} (counted from the first of them), the
	 * page refuses every further code from it until that window ends. A mistyped code (not eight
	 * letters of the user-code alphabet) looks nothing up and is not counted.
	 *
	 * @param perSession wrong codes one browser session may type per window
	 * @param perAddress wrong codes one source address (an IPv6 /64) may type per window: higher, as
	 * many readers can share an address (carrier NAT, a library's Wi-Fi)
	 * @param window how long wrong codes are counted, and how long a refusal lasts at most
	 */
	public record WrongCodes(@DefaultValue("5") @Min(1) @Max(1000) int perSession,
			@DefaultValue("20") @Min(1) @Max(100000) int perAddress,
			@DefaultValue("15m") @DurationMin(minutes = 1) @DurationMax(hours = 24) Duration window) {
	}

	/** The interval in the whole seconds a device authorization response states. */
	long intervalSeconds() {
		return this.interval.toSeconds();
	}

}

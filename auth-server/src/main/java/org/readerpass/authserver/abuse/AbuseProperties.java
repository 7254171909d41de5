package org.readerpass.authserver.abuse;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Brute force and request rates ({@code readerpass.abuse}); every key in
 * {@code docs/configuration.md}.
 *
 * @param login wrong passwords at the login page
 * @param rates requests per source address (and per client at the token endpoint), past which the
 * answer is 429 with {@code Retry-After}
 */
@Validated
@ConfigurationProperties("readerpass.abuse")
public record AbuseProperties(@DefaultValue @Valid Login login, @DefaultValue @Valid Rates rates) {

	/**
	 * @param account wrong passwords per typed card or ID number, whether an account holds it or not
	 * @param address wrong passwords per source address: higher, as a library's reading room or a
	 * carrier's NAT puts many readers behind one address
	 */
	public record Login(@DefaultValue @Valid Account account, @DefaultValue @Valid Address address) {
	}

	/**
	 * How wrong passwords are slowed, then locked, for one scope (an account or an address).
	 * Failures counted in a window opened by the first; past {@code freeFailures} each one makes the
	 * next attempt wait ({@code firstDelay}, doubling up to {@code maxDelay}); the
	 * {@code lockAfter}-th locks for {@code lockDuration}, after which the count starts again.
	 */
	public interface FailurePolicy {

		int freeFailures();

		Duration firstDelay();

		Duration maxDelay();

		int lockAfter();

		Duration window();

		Duration lockDuration();

		/** The wait after the {@code failures}-th failure: zero up to {@code freeFailures}. */
		default Duration delayAfter(long failures) {
			if (failures <= freeFailures()) {
				return Duration.ZERO;
			}
			long doublings = Math.min(failures - freeFailures() - 1, 30);
			Duration delay = firstDelay().multipliedBy(1L << doublings);
			return (delay.compareTo(maxDelay()) > 0) ? maxDelay() : delay;
		}

	}

	public record Account(@DefaultValue("3") @Min(0) int freeFailures,
			@DefaultValue("1s") @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration firstDelay,
			@DefaultValue("30s") @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration maxDelay,
			@DefaultValue("10") @Min(1) int lockAfter,
			@DefaultValue("15m") @DurationMin(seconds = 1) @DurationMax(days = 1) Duration window,
			@DefaultValue("15m") @DurationMin(seconds = 1) @DurationMax(days = 1) Duration lockDuration)
			implements FailurePolicy {

		@AssertTrue(message = "max-delay must be at least first-delay")
		boolean isMaxDelayAtLeastFirst() {
			return this.maxDelay.compareTo(this.firstDelay) >= 0;
		}

	}

	public record Address(@DefaultValue("50") @Min(0) int freeFailures,
			@DefaultValue("1s") @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration firstDelay,
			@DefaultValue("5s") @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration maxDelay,
			@DefaultValue("200") @Min(1) int lockAfter,
			@DefaultValue("15m") @DurationMin(seconds = 1) @DurationMax(days = 1) Duration window,
			@DefaultValue("15m") @DurationMin(seconds = 1) @DurationMax(days = 1) Duration lockDuration)
			implements FailurePolicy {

		@AssertTrue(message = "max-delay must be at least first-delay")
		boolean isMaxDelayAtLeastFirst() {
			return this.maxDelay.compareTo(this.firstDelay) >= 0;
		}

	}

	/**
	 * Request rates; a limit of 0 switches that limit off.
	 *
	 * @param login login form posts per source address per {@code loginWindow}
	 * @param deviceAuthorization device authorization requests per source address per
	 * {@code deviceAuthorizationWindow}
	 * @param tokenPerAddress token requests per source address per {@code tokenWindow}
	 * @param tokenPerClient token requests per authenticated client per {@code tokenWindow}
	 */
	public record Rates(@DefaultValue("600") @Min(0) long login,
			@DefaultValue("1m") @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration loginWindow,
			@DefaultValue("120") @Min(0) long deviceAuthorization,
			@DefaultValue("1m") @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration deviceAuthorizationWindow,
			@DefaultValue("50000") @Min(0) long tokenPerAddress, @DefaultValue("0") @Min(0) long tokenPerClient,
			@DefaultValue("1s") @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration tokenWindow) {
	}

}

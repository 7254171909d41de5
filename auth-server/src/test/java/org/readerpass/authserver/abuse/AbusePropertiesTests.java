package org.readerpass.authserver.abuse;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AbusePropertiesTests {

	private static AbuseProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("readerpass.abuse",
				AbuseProperties.class);
	}

	@Test
	void bindWhenNothingSetThenDefaultsGenerousToAddressesAndOffPerClient() {
		AbuseProperties defaults = bind(Map.of());

		assertThat(defaults.login().account().lockAfter()).isEqualTo(10);
		assertThat(defaults.login().account().lockDuration()).isEqualTo(Duration.ofMinutes(15));
		assertThat(defaults.login().address().lockAfter()).isGreaterThan(defaults.login().account().lockAfter());
		assertThat(defaults.login().address().freeFailures()).isGreaterThan(defaults.login().account().freeFailures());
		assertThat(defaults.rates().tokenPerClient()).as("off").isZero();
		assertThat(defaults.rates().tokenPerAddress() / defaults.rates().tokenWindow().toSeconds())
			.as("well above 7,500 tokens/s from one address").isGreaterThanOrEqualTo(15_000);
	}

	@Test
	void delayAfterWhenPastTheFreeFailuresThenDoublingUpToTheCap() {
		AbuseProperties.Account account = bind(Map.of()).login().account();

		assertThat(account.delayAfter(3)).isZero();
		assertThat(account.delayAfter(4)).isEqualTo(Duration.ofSeconds(1));
		assertThat(account.delayAfter(5)).isEqualTo(Duration.ofSeconds(2));
		assertThat(account.delayAfter(8)).isEqualTo(Duration.ofSeconds(16));
		assertThat(account.delayAfter(9)).isEqualTo(Duration.ofSeconds(30));
		assertThat(account.delayAfter(1_000_000)).isEqualTo(Duration.ofSeconds(30));
	}

}

package org.readerpass.adminui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AdminUiPropertiesTests {

	@Test
	void bindWhenNothingSetThenShanghaiAndTenSeconds() {
		AdminUiProperties properties = bind(Map.of("readerpass.admin.unrelated", "x"));
		assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(properties.policyPollInterval()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void bindWhenSetThenTypedValues() {
		AdminUiProperties properties = bind(
				Map.of("readerpass.admin.time-zone", "Asia/Urumqi", "readerpass.admin.policy-poll-interval", "2s"));
		assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
		assertThat(properties.policyPollInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(bind(Map.of("readerpass.admin.policy-poll-interval", "0")).policyPollInterval()).isZero();
	}

	@Test
	void bindWhenInvalidThenFailsNamingTheKey() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("readerpass.admin.time-zone", "Mars/Olympus")))
			.withMessageContaining("readerpass.admin");
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("readerpass.admin.policy-poll-interval", "-1s")))
			.withStackTraceContaining("policy-poll-interval must not be negative");
	}

	private static AdminUiProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bind("readerpass.admin", AdminUiProperties.class)
			.orElseGet(() -> new AdminUiProperties(null, null));
	}

}

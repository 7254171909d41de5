package org.readerpass.authserver.device;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DevicePropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void bindWhenNothingSetThenRfcDefaultIntervalTenMinutesAndFiveWrongCodesPerSession() {
		this.runner.run(context -> {
			DeviceProperties properties = context.getBean(DeviceProperties.class);
			assertThat(properties.interval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.intervalSeconds()).isEqualTo(5);
			assertThat(properties.lifetime()).isEqualTo(Duration.ofMinutes(10));
			assertThat(properties.wrongCodes().perSession()).isEqualTo(5);
			assertThat(properties.wrongCodes().perAddress()).isEqualTo(20);
			assertThat(properties.wrongCodes().window()).isEqualTo(Duration.ofMinutes(15));
		});
	}

	@Test
	void bindWhenValuesOutOfRangeThenStartFailsNamingEveryKey() {
		this.runner
			.withPropertyValues("readerpass.device.interval=0s", "readerpass.device.lifetime=2h",
					"readerpass.device.wrong-codes.per-session=0", "readerpass.device.wrong-codes.window=10s")
			.run(context -> {
				assertThat(context).hasFailed();
				String message = messages(context.getStartupFailure());
				// Boot's validator names a nested record's fields in camel case
				assertThat(message).contains("readerpass.device.interval", "readerpass.device.lifetime",
						"readerpass.device.wrongCodes.perSession", "readerpass.device.wrongCodes.window");
			});
	}

	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DeviceProperties.class)
	static class PropertiesOnly {

	}

}

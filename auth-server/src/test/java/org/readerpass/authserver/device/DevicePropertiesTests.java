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
	void bindWhenNothingSetThenRfcDefaultIntervalAndTenMinutes() {
		this.runner.run(context -> {
			DeviceProperties properties = context.getBean(DeviceProperties.class);
			assertThat(properties.interval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.intervalSeconds()).isEqualTo(5);
			assertThat(properties.lifetime()).isEqualTo(Duration.ofMinutes(10));
		});
	}

	@Test
	void bindWhenValuesOutOfRangeThenStartFailsNamingEveryKey() {
		this.runner
			.withPropertyValues("readerpass.device.interval=0s", "readerpass.device.lifetime=2h")
			.run(context -> {
				assertThat(context).hasFailed();
				String message = messages(context.getStartupFailure());
				assertThat(message).contains("readerpass.device.interval", "readerpass.device.lifetime");
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

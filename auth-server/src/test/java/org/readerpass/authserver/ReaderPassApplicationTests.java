package org.readerpass.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The system properties the server sets before Spring starts. */
class ReaderPassApplicationTests {

	private final Map<String, String> before = new HashMap<>();

	@BeforeEach
	void remember() {
		ReaderPassApplication.SYSTEM_DEFAULTS.keySet().forEach((key) -> this.before.put(key, System.getProperty(key)));
	}

	@AfterEach
	void restore() {
		this.before.forEach((key, value) -> {
			if (value == null) {
				System.clearProperty(key);
			}
			else {
				System.setProperty(key, value);
			}
		});
	}

	@Test
	void systemDefaultsWhenNotGivenThenLettuceAndNettyMakeNoFlightRecorderEvents() {
		System.clearProperty("io.lettuce.core.jfr");
		System.clearProperty("io.netty.jfr.enabled");

		ReaderPassApplication.systemDefaults();

		assertThat(System.getProperty("io.lettuce.core.jfr")).isEqualTo("false");
		assertThat(System.getProperty("io.netty.jfr.enabled")).isEqualTo("false");
	}

	@Test
	void systemDefaultsWhenGivenThenTheJvmsOwnKept() {
		System.setProperty("io.lettuce.core.jfr", "true");
		System.clearProperty("io.netty.jfr.enabled");

		ReaderPassApplication.systemDefaults();

		assertThat(System.getProperty("io.lettuce.core.jfr")).isEqualTo("true");
		assertThat(System.getProperty("io.netty.jfr.enabled")).isEqualTo("false");
	}

}

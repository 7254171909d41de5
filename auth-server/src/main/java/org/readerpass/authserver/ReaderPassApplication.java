package org.readerpass.authserver;

import java.time.Clock;
import java.util.Map;

import org.readerpass.adminui.AdminUiConfiguration;
import org.readerpass.ldapsync.LdapSyncConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The ReaderPass authorization server: one process composing every module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ LdapSyncConfiguration.class, AdminUiConfiguration.class })
public class ReaderPassApplication {

	/**
	 * System properties this server sets when the JVM was not given them: Lettuce and Netty make
	 * Flight Recorder events (connection events; every buffer allocation) when JFR is there, which
	 * loads and initialises JFR's event machinery (~150 classes) in every node that nobody records;
	 * {@code -Dio.lettuce.core.jfr=true -Dio.netty.jfr.enabled=true} brings the events back for a
	 * recording (docs/operations.md).
	 */
	static final Map<String, String> SYSTEM_DEFAULTS = Map.of("io.lettuce.core.jfr", "false", "io.netty.jfr.enabled",
			"false");

	public static void main(String[] args) {
		systemDefaults();
		SpringApplication.run(ReaderPassApplication.class, args);
	}

	/** Sets each of {@link #SYSTEM_DEFAULTS} that the JVM was not given. */
	static void systemDefaults() {
		SYSTEM_DEFAULTS.forEach((key, value) -> {
			if (System.getProperty(key) == null) {
				System.setProperty(key, value);
			}
		});
	}

	/** The server's clock (UTC): one bean for every feature of this module that tells the time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

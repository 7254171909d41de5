package org.readerpass.authserver;

import java.time.Clock;

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

	public static void main(String[] args) {
		SpringApplication.run(ReaderPassApplication.class, args);
	}

	/** The server's clock (UTC): one bean for every feature of this module that tells the time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

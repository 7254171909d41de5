package org.readerpass.authserver;

import org.readerpass.adminui.AdminUiConfiguration;
import org.readerpass.ldapsync.LdapSyncConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The ReaderPass authorization server: one process composing every module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ LdapSyncConfiguration.class, AdminUiConfiguration.class })
public class ReaderPassApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReaderPassApplication.class, args);
	}

}

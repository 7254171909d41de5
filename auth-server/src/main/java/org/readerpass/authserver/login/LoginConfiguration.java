package org.readerpass.authserver.login;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.password.PasswordVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	@Bean
	ReaderLogin readerLogin(ReaderAccounts accounts, PasswordVerifier passwords, DirectoryProperties directories,
			Clock clock) {
		return new ReaderLogin(accounts, passwords, clock, directories.zone());
	}

	/** Where readers were going when the login page came in between (every chain and the login page). */
	/** A reader's authentication in authorizations stored in Redis, without Java serialization. */
	@Bean
	ReaderAuthenticationForm readerAuthenticationForm() {
		return new ReaderAuthenticationForm();
	}

	@Bean
	SavedReaderRequests savedReaderRequests() {
		return new SavedReaderRequests();
	}

	@Bean
	LoginMetrics loginMetrics(MeterRegistry meters) {
		return new LoginMetrics(meters);
	}

}

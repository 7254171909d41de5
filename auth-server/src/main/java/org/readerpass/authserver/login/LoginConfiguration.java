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

	@Bean
	LoginMetrics loginMetrics(MeterRegistry meters) {
		return new LoginMetrics(meters);
	}

}

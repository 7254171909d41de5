package org.readerpass.authserver.login;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.password.PasswordVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	@Bean
	ReaderLogin readerLogin(ReaderAccounts accounts, PasswordVerifier passwords, DirectoryProperties directories,
			Clock clock) {
		return new ReaderLogin(accounts, passwords, clock, directories.zone());
	}

	/** A reader's authentication in authorizations stored in Redis, without Java serialization. */
	@Bean
	ReaderAuthenticationForm readerAuthenticationForm() {
		return new ReaderAuthenticationForm();
	}

	/** Where readers were going when the login page came in between (every chain and the login page). */
	@Bean
	SavedReaderRequests savedReaderRequests() {
		return new SavedReaderRequests();
	}

	/** The login page, kept once rendered while Thymeleaf keeps its templates. */
	@Bean
	LoginPage loginPage(ThymeleafViewResolver thymeleafViewResolver) {
		return new LoginPage(thymeleafViewResolver, thymeleafViewResolver.isCache());
	}

	@Bean
	LoginMetrics loginMetrics(MeterRegistry meters) {
		return new LoginMetrics(meters);
	}

}

package org.readerpass.authserver.login;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;

import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.password.PasswordVerifier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
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

	/**
	 * The authorization request a login page came in front of, continued within the login form's
	 * POST (the server's security filters are looked up at the first login: they are built from
	 * beans of this configuration).
	 */
	@Bean
	AuthorizationContinuation authorizationContinuation(BeanFactory beans, AuthorizationServerSettings settings) {
		return new AuthorizationContinuation(
				() -> beans.getBean(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME, Filter.class),
				settings.getAuthorizationEndpoint());
	}

	@Bean
	LoginMetrics loginMetrics(MeterRegistry meters) {
		return new LoginMetrics(meters);
	}

}

package org.readerpass.authserver.login;

import java.time.Clock;

import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.verify.PasswordVerification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	@Bean
	ReaderLogin readerLogin(ReaderAccounts accounts, PasswordVerification verification, DirectoryProperties directories) {
		return new ReaderLogin(accounts, verification, Clock.systemUTC(), directories.zone());
	}

}

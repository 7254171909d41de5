package org.readerpass.ldapsync.linking;

import javax.sql.DataSource;

import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.directory.DirectoryProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reader accounts with this package's linking rule, the reader links that explain them, and the
 * resident ID hasher they and the sync share. Imported by
 * {@link org.readerpass.ldapsync.LdapSyncConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class LinkingConfiguration {

	@Bean
	ResidentIdHasher residentIdHasher(DirectoryProperties properties) {
		return new ResidentIdHasher(properties.identityHmacKey());
	}

	/** What login and tokens read ({@code ReaderAccounts}) and the sync writes, one store. */
	@Bean
	ReaderAccountStore readerAccounts(DataSource dataSource, ResidentIdHasher residentIdHasher) {
		return LinkedAccounts.jdbc(dataSource, residentIdHasher);
	}

	@Bean
	ReaderLinks readerLinks(DataSource dataSource) {
		return new JdbcReaderLinks(dataSource);
	}

}

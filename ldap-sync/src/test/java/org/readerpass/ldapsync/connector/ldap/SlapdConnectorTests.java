package org.readerpass.ldapsync.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.DirectoryClock;
import org.readerpass.ldapsync.connector.DirectoryConnectorContractTests;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.HealthProbe;
import org.readerpass.ldapsync.connector.PasswordConnector;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLdif;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.Slapd;

/**
 * The contract on a real OpenLDAP slapd loaded with zj's demo LDIF, with the access rules a
 * library would have (passwords only for binds, resident ID numbers only for the sync user), a
 * size limit that only a paged search gets past, and the monitor backend (its time).
 */
class SlapdConnectorTests extends DirectoryConnectorContractTests {

	@Override
	protected DirectoryFixture startFixture() {
		DemoLibrary library = library();
		String syncDn = library.syncBindDn();
		Slapd slapd = Slapd.builder(library.suffix())
			.ldif(DemoLdif.of(library))
			// at most 10 entries per search, in any number of pages of 10: only a paged search reads them all
			.databaseConfig("limits dn.exact=\"" + syncDn + "\" size.soft=10 size.hard=10 size.pr=10 size.prtotal=unlimited")
			.databaseConfig("access to attrs=userPassword by anonymous auth by self write by * none")
			.databaseConfig("access to attrs=residentIdNumber by dn.exact=\"" + syncDn + "\" read by * none")
			.databaseConfig("access to * by * read")
			.start();
		LibraryDirectory config = DemoDirectories.at(DemoDirectories.library(library), URI.create(slapd.url()));
		LdapConnector connector = LdapConnector.create(config, config.urls(), DemoDirectories.properties().zone());
		return new DirectoryFixture() {

			@Override
			public AccountReader reader() {
				return connector;
			}

			@Override
			public HealthProbe healthProbe() {
				return connector;
			}

			@Override
			public PasswordConnector passwordConnector() {
				return connector;
			}

			@Override
			public DirectoryClock clock() {
				return connector;
			}

			@Override
			public void stopDirectory() {
				slapd.stop();
			}

			@Override
			public void startDirectory() {
				slapd.start();
			}

			@Override
			public void close() {
				connector.close();
				slapd.close();
			}

		};
	}

	@Override
	protected DemoLibrary library() {
		return DemoLibrary.ZJ;
	}

	/** OpenLDAP has no time in its root DSE: without the monitor backend it cannot tell its time. */
	@Test
	void currentTimeWhenNoMonitorBackendThenEmpty() throws DirectoryException {
		DemoLibrary library = library();
		try (Slapd slapd = Slapd.builder(library.suffix()).ldif(DemoLdif.of(library)).withoutMonitor().start()) {
			LibraryDirectory config = DemoDirectories.at(DemoDirectories.library(library), URI.create(slapd.url()));
			try (LdapConnector connector = LdapConnector.create(config, config.urls(),
					DemoDirectories.properties().zone())) {
				assertThat(connector.currentTime()).isEmpty();
				Collected up = new Collected(); // the directory answers: it just has no time to tell
				connector.readAll(up);
				assertThat(up.entries).isNotEmpty();
			}
		}
	}

}

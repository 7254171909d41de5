package org.readerpass.ldapsync.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.connector.DirectoryConnectorContractTests;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.password.PasswordResult;
import org.readerpass.ldapsync.testsupport.DemoLibrary;

/** The contract on an embedded UnboundID directory with OpenLDAP-style entries (zj). */
class EmbeddedOpenLdapConnectorTests extends DirectoryConnectorContractTests {

	@Override
	protected DirectoryFixture startFixture() {
		return new EmbeddedFixture(library());
	}

	@Override
	protected DemoLibrary library() {
		return DemoLibrary.ZJ;
	}

	@Test
	void readAllWhenReaderIsSpecialThenMappedAsTheDemoSays() throws DirectoryException {
		var entries = readAll().entries;
		DirectoryEntry wangFang = entries.stream().filter((e) -> e.cardNumber().equals("ZJ0002")).findFirst().orElseThrow();
		assertThat(wangFang.displayName()).isEqualTo("王芳");
		assertThat(wangFang.residentIdNumber()).isEqualTo("330602198803150028");
		assertThat(wangFang.dn()).isEqualTo("uid=ZJ0002,ou=readers,dc=zj,dc=lib,dc=zj,dc=cn");
		DirectoryEntry expired = entries.stream().filter((e) -> e.cardNumber().equals("ZJ0019")).findFirst().orElseThrow();
		assertThat(expired.expiresOn()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(expired.status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(entries).hasSize(24);
	}

	@Test
	void verifyWhenPasswordsCheckedThenNoReaderThreadPerPooledConnection() {
		for (int i = 0; i < 3; i++) {
			assertThat(fixture().passwordConnector()
				.verify("uid=ZJ0001,ou=readers,dc=zj,dc=lib,dc=zj,dc=cn", password("zj0001-pass")))
				.isEqualTo(PasswordResult.VERIFIED);
		}
		// synchronous mode: the thread checking a password reads the directory's answer itself,
		// instead of a reader thread per pooled connection handing it over
		assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
			.noneMatch((name) -> name.startsWith("Connection reader") && name.contains("'readerpass-bind-"));
	}

}

package org.readerpass.ldapsync.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.connector.DirectoryConnectorContractTests;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.testsupport.DemoLibrary;

/** The contract on an embedded UnboundID directory playing Active Directory (zj.sx). */
class EmbeddedActiveDirectoryConnectorTests extends DirectoryConnectorContractTests {

	@Override
	protected DirectoryFixture startFixture() {
		return new EmbeddedFixture(library());
	}

	@Override
	protected DemoLibrary library() {
		return DemoLibrary.SX;
	}

	@Test
	void readAllWhenReaderIsSpecialThenMappedAsTheDemoSays() throws DirectoryException {
		var entries = readAll().entries;
		DirectoryEntry liNa = entries.stream().filter((e) -> e.cardNumber().equals("SX0001")).findFirst().orElseThrow();
		assertThat(liNa.displayName()).isEqualTo("李娜");
		assertThat(liNa.dn()).isEqualTo("CN=SX0001,CN=Users,DC=sx,DC=lib,DC=zj,DC=cn");
		assertThat(liNa.expiresOn()).isEqualTo(LocalDate.of(2028, 12, 31)); // accountExpires 2029-01-01T00:00+08:00
		assertThat(liNa.directoryId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		DirectoryEntry wangFang = entries.stream().filter((e) -> e.cardNumber().equals("SX0002")).findFirst().orElseThrow();
		assertThat(wangFang.residentIdNumber()).isEqualTo("330602198803150028");
		DirectoryEntry suspended = entries.stream().filter((e) -> e.cardNumber().equals("SX0020")).findFirst().orElseThrow();
		assertThat(suspended.status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(entries).hasSize(24).filteredOn((e) -> e.status() == AccountStatus.SUSPENDED).hasSize(1);
	}

}

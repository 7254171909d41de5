package org.readerpass.ldapsync.linking;

import javax.sql.DataSource;

import org.readerpass.ldapsync.account.ReaderAccountStore;

/**
 * The account store with this package's linking rule: the way to make the
 * {@link ReaderAccountStore} ({@link LinkingConfiguration} declares it). Its new accounts are
 * inserted by the rule ({@link ReaderLinker}), each joined to a reader and with a
 * {@code reader_link} row; read them with {@link JdbcReaderLinks}.
 */
final class LinkedAccounts {

	private LinkedAccounts() {
	}

	/**
	 * Reader accounts on {@code dataSource} (H2 or PostgreSQL, with this module's Flyway migrations),
	 * found by resident ID number through {@code residentIdHasher}.
	 */
	static ReaderAccountStore jdbc(DataSource dataSource, ResidentIdHasher residentIdHasher) {
		return ReaderAccountStore.jdbc(dataSource, residentIdHasher::hash, new ReaderLinker(dataSource));
	}

}

package org.readerpass.ldapsync.linking;

import javax.sql.DataSource;

import org.readerpass.ldapsync.account.JdbcReaderAccounts;

/**
 * The account store with this package's linking rule: the way to make a {@link JdbcReaderAccounts}.
 * Its new accounts are inserted by the rule ({@code ReaderLinker}), each joined to a reader and
 * with a {@code reader_link} row; read them with {@link JdbcReaderLinks}.
 */
public final class LinkedAccounts {

	private LinkedAccounts() {
	}

	/**
	 * Reader accounts on {@code dataSource} (H2 or PostgreSQL, with this module's Flyway migrations),
	 * found by resident ID number through {@code residentIdHasher}.
	 */
	public static JdbcReaderAccounts jdbc(DataSource dataSource, ResidentIdHasher residentIdHasher) {
		return new JdbcReaderAccounts(dataSource, residentIdHasher::hash, new ReaderLinker(dataSource));
	}

}

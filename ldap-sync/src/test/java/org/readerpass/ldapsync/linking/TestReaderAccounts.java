package org.readerpass.ldapsync.linking;

import javax.sql.DataSource;

import org.readerpass.ldapsync.account.ReaderAccountStore;

/**
 * The account store as the application has it (the {@code readerAccounts} bean of
 * {@link LinkingConfiguration}), for tests outside this package and for the benchmarks.
 */
public final class TestReaderAccounts {

	private TestReaderAccounts() {
	}

	/**
	 * Reader accounts on {@code dataSource} (H2 or PostgreSQL, with this module's Flyway migrations),
	 * with this package's linking rule, found by resident ID number through {@code hasher}.
	 */
	public static ReaderAccountStore jdbc(DataSource dataSource, ResidentIdHasher hasher) {
		return LinkedAccounts.jdbc(dataSource, hasher);
	}

}

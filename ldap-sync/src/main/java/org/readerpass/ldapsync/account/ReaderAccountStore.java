package org.readerpass.ldapsync.account;

import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * The reader account store with its three sides: the look-ups of login and tokens
 * ({@link ReaderAccounts}), the sync's batched writes ({@link ReaderAccountWriter}) and its
 * suspensions and purges of missing accounts ({@link MissingAccounts}). One store plays all three,
 * so that what the sync writes is what login reads. Made with the linking rule by the
 * {@code linking} package, which declares it as the {@code readerAccounts} bean.
 */
public interface ReaderAccountStore extends ReaderAccounts, ReaderAccountWriter, MissingAccounts {

	/**
	 * The store in the {@code reader} and {@code reader_account} tables of {@code dataSource} (H2
	 * or PostgreSQL, with this module's Flyway migrations).
	 * @param residentIdHmac the HMAC of a resident ID number, empty when the number is not valid
	 * @param linking inserts the new accounts and guards the purges of readers
	 */
	static ReaderAccountStore jdbc(DataSource dataSource, Function<String, Optional<String>> residentIdHmac,
			AccountLinking linking) {
		return new JdbcReaderAccounts(dataSource, residentIdHmac, linking);
	}

}

package org.readerpass.ldapsync.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.readerpass.ldapsync.linking.ResidentIdHasher;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reader accounts in the {@code reader} and {@code reader_account} tables (Flyway migration
 * {@code db/migration/V2026_11_25_01__reader_accounts.sql} of this module), on H2 or PostgreSQL.
 */
public final class JdbcReaderAccounts implements ReaderAccounts, ReaderAccountWriter {

	private static final String SELECT_ACCOUNTS = "select " + AccountRows.ACCOUNT_COLUMNS + " from reader_account ";

	private final JdbcClient jdbc;

	private final ResidentIdHasher residentIdHasher;

	private final AccountUpserts upserts;

	public JdbcReaderAccounts(DataSource dataSource, ResidentIdHasher residentIdHasher) {
		this.jdbc = JdbcClient.create(dataSource);
		this.residentIdHasher = residentIdHasher;
		this.upserts = new AccountUpserts(dataSource);
	}

	@Override
	public List<ReaderAccount> findByCardNumber(String cardNumber) {
		if (cardNumber == null || cardNumber.isBlank()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT_ACCOUNTS + "where card_number = ? order by library_code, id")
			.param(cardNumber.trim())
			.query(AccountRows::readerAccount)
			.list();
	}

	@Override
	public List<ReaderAccount> findByResidentIdNumber(String idNumber) {
		return this.residentIdHasher.hash(idNumber)
			.map((hmac) -> this.jdbc.sql(SELECT_ACCOUNTS + "where resident_id_hmac = ? order by library_code, id")
				.param(hmac)
				.query(AccountRows::readerAccount)
				.list())
			.orElse(List.of());
	}

	@Override
	public Optional<ReaderAccount> findById(UUID accountId) {
		return this.jdbc.sql(SELECT_ACCOUNTS + "where id = ?")
			.param(accountId)
			.query(AccountRows::readerAccount)
			.optional();
	}

	@Override
	public List<ReaderAccount> findByReaderId(UUID readerId) {
		return this.jdbc.sql(SELECT_ACCOUNTS + "where reader_id = ? order by library_code, id")
			.param(readerId)
			.query(AccountRows::readerAccount)
			.list();
	}

	@Override
	public WriteCounts write(List<DirectoryAccount> accounts, Instant syncedAt) {
		return this.upserts.write(accounts, syncedAt);
	}

}

package org.readerpass.ldapsync.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.readerpass.ldapsync.linking.ResidentIdHasher;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reader accounts in the {@code reader} and {@code reader_account} tables (Flyway migration
 * {@code db/migration/V2026_11_25_01__reader_accounts.sql} and {@code V2026_11_25_02__sync_deletions.sql}
 * of this module), on H2 or PostgreSQL. Every account it inserts gets a {@code reader_link} row
 * ({@code V2026_11_25_04__reader_links.sql}) saying why it belongs to its reader; read them with
 * {@link JdbcReaderLinks}.
 */
public final class JdbcReaderAccounts implements ReaderAccounts, ReaderAccountWriter, MissingAccounts {

	private static final String SELECT_ACCOUNTS = "select " + AccountRows.ACCOUNT_COLUMNS + " from reader_account ";

	private final JdbcClient jdbc;

	private final ResidentIdHasher residentIdHasher;

	private final AccountUpserts upserts;

	private final AccountDeletions deletions;

	public JdbcReaderAccounts(DataSource dataSource, ResidentIdHasher residentIdHasher) {
		this.jdbc = JdbcClient.create(dataSource);
		this.residentIdHasher = residentIdHasher;
		this.upserts = new AccountUpserts(dataSource);
		this.deletions = new AccountDeletions(dataSource);
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
	public WriteCounts write(List<DirectoryAccount> accounts, Instant syncedAt, UUID runId) {
		return this.upserts.write(accounts, syncedAt, runId, Set.of());
	}

	@Override
	public WriteCounts write(List<DirectoryAccount> accounts, Instant syncedAt, UUID runId,
			Set<String> invalidResidentIds) {
		return this.upserts.write(accounts, syncedAt, runId, invalidResidentIds);
	}

	@Override
	public void markSeen(String libraryCode, List<String> directoryIds, Instant at, UUID runId) {
		this.upserts.markSeen(libraryCode, directoryIds, at, runId);
	}

	@Override
	public int countPresent(String libraryCode) {
		return this.deletions.countPresent(libraryCode);
	}

	@Override
	public int countUnseen(String libraryCode, UUID runId) {
		return this.deletions.countUnseen(libraryCode, runId);
	}

	@Override
	public int suspendUnseen(String libraryCode, UUID runId, Instant at) {
		return this.deletions.suspendUnseen(libraryCode, runId, at);
	}

	@Override
	public int suspendDeleted(String libraryCode, List<String> directoryIds, Instant at) {
		return this.deletions.suspendDeleted(libraryCode, directoryIds, at);
	}

	@Override
	public int purgeMissingBefore(String libraryCode, Instant cutoff) {
		return this.deletions.purgeMissingBefore(libraryCode, cutoff);
	}

}

package org.readerpass.ldapsync.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reader accounts in the {@code reader} and {@code reader_account} tables (Flyway migration
 * {@code db/migration/V2026_11_25_01__reader_accounts.sql} and {@code V2026_11_25_02__sync_deletions.sql}
 * of this module), on H2 or PostgreSQL. It inserts new accounts through its {@link AccountLinking},
 * which gives each its reader and a {@code reader_link} row ({@code V2026_11_25_04__reader_links.sql})
 * saying why. Made by {@link ReaderAccountStore#jdbc}, with the linking package's rule.
 */
final class JdbcReaderAccounts implements ReaderAccountStore {

	private static final String SELECT_ACCOUNTS = "select " + AccountRows.ACCOUNT_COLUMNS + " from reader_account ";

	private final JdbcClient jdbc;

	private final Function<String, Optional<String>> residentIdHmac;

	private final AccountUpserts upserts;

	private final AccountDeletions deletions;

	/**
	 * @param residentIdHmac the HMAC of a resident ID number, empty when the number is not valid
	 * @param linking inserts the new accounts and guards the purges of readers
	 */
	JdbcReaderAccounts(DataSource dataSource, Function<String, Optional<String>> residentIdHmac,
			AccountLinking linking) {
		this.jdbc = JdbcClient.create(dataSource);
		this.residentIdHmac = residentIdHmac;
		this.upserts = new AccountUpserts(dataSource, linking);
		this.deletions = new AccountDeletions(dataSource, linking);
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
		return this.residentIdHmac.apply(idNumber)
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

	/**
	 * The account and every account of its reader in one query (one round trip and one snapshot,
	 * where {@link #findById} and {@link #findByReaderId} made two): what a reader's tokens are
	 * made from, on every code and refresh.
	 */
	@Override
	public Optional<SignedInReader> findSignedIn(UUID accountId) {
		List<ReaderAccount> linked = this.jdbc
			.sql(SELECT_ACCOUNTS + "where reader_id = (select reader_id from reader_account where id = ?) "
					+ "order by library_code, id")
			.param(accountId)
			.query(AccountRows::readerAccount)
			.list();
		return linked.stream()
			.filter((account) -> account.id().equals(accountId))
			.findFirst()
			.map((account) -> SignedInReader.of(account, linked));
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

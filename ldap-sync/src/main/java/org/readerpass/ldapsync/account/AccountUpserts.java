package org.readerpass.ldapsync.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batched upserts of synced accounts: updates the ones whose data changed, restores the missing
 * ones and marks the rest as seen. Existing accounts keep their reader. The new accounts go to the
 * {@link AccountLinking}, which inserts each with its reader and link.
 */
final class AccountUpserts {

	private static final String UPDATE = "update reader_account set dn = ?, card_number = ?, display_name = ?, "
			+ "reader_type = ?, status = ?, expires_on = ?, resident_id_hmac = ?, phone = ?, email = ?, "
			+ "synced_at = ?, last_seen_run = ?, last_seen_at = ?, missing_since = null where id = ?";

	private static final String SEEN = "update reader_account set last_seen_run = :run, last_seen_at = :at where id in (:ids)";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactions;

	private final AccountLinking linking;

	AccountUpserts(DataSource dataSource, AccountLinking linking) {
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.linking = linking;
	}

	/** @param invalidResidentIds directory ids of accounts whose directory entry has an invalid resident ID number */
	ReaderAccountWriter.WriteCounts write(List<DirectoryAccount> accounts, Instant syncedAt, UUID runId,
			Set<String> invalidResidentIds) {
		Map<Key, StoredAccount> stored = load(accounts);
		List<Object[]> updates = new ArrayList<>();
		List<UUID> unchanged = new ArrayList<>();
		List<DirectoryAccount> created = new ArrayList<>();
		int restored = 0;
		OffsetDateTime at = syncedAt.atOffset(ZoneOffset.UTC);
		for (DirectoryAccount account : accounts) {
			StoredAccount current = stored.get(Key.of(account));
			if (current == null) {
				created.add(account);
			}
			else if (current.missing() || !current.data().equals(account)) {
				restored += current.missing() ? 1 : 0;
				updates.add(new Object[] { account.dn(), account.cardNumber(), account.displayName(),
						account.readerType(), account.status().name(), account.expiresOn(), account.residentIdHmac(),
						account.phone(), account.email(), at, runId, at, current.id() });
			}
			else {
				unchanged.add(current.id());
			}
		}
		this.transactions.executeWithoutResult((status) -> {
			if (!updates.isEmpty()) {
				this.jdbcTemplate.batchUpdate(UPDATE, updates);
			}
			if (!unchanged.isEmpty()) {
				this.jdbc.sql(SEEN).param("run", runId).param("at", at).param("ids", unchanged).update();
			}
		});
		this.linking.insertLinked(created, syncedAt, runId, invalidResidentIds);
		return new ReaderAccountWriter.WriteCounts(created.size(), updates.size() - restored, unchanged.size(),
				restored);
	}

	void markSeen(String libraryCode, List<String> directoryIds, Instant at, UUID runId) {
		if (directoryIds.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("update reader_account set last_seen_run = :run, last_seen_at = :at "
					+ "where library_code = :library and directory_id in (:ids)")
			.param("run", runId)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("library", libraryCode)
			.param("ids", directoryIds)
			.update();
	}

	private Map<Key, StoredAccount> load(List<DirectoryAccount> accounts) {
		if (accounts.stream().map(Key::of).distinct().count() != accounts.size()) {
			throw new IllegalArgumentException("a batch must hold each (library code, directory id) once");
		}
		Map<String, List<String>> idsByLibrary = new LinkedHashMap<>();
		for (DirectoryAccount account : accounts) {
			idsByLibrary.computeIfAbsent(account.libraryCode(), (library) -> new ArrayList<>()).add(account.directoryId());
		}
		Map<Key, StoredAccount> stored = new HashMap<>();
		idsByLibrary.forEach((library, ids) -> this.jdbc
			.sql("select id, missing_since, " + AccountRows.DATA_COLUMNS
					+ " from reader_account where library_code = :library and directory_id in (:ids)")
			.param("library", library)
			.param("ids", ids)
			.query(AccountUpserts::storedAccount)
			.list()
			.forEach((account) -> stored.put(Key.of(account.data()), account)));
		return stored;
	}

	private static StoredAccount storedAccount(ResultSet rs, int rowNum) throws SQLException {
		return new StoredAccount(rs.getObject("id", UUID.class), AccountRows.directoryAccount(rs),
				rs.getObject("missing_since", OffsetDateTime.class) != null);
	}

	private record Key(String libraryCode, String directoryId) {

		static Key of(DirectoryAccount account) {
			return new Key(account.libraryCode(), account.directoryId());
		}

	}

	/** @param missing whether the account is suspended as missing from its directory */
	private record StoredAccount(UUID id, DirectoryAccount data, boolean missing) {

	}

}

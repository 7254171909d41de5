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
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batched upserts of synced accounts, with the linking rule for new accounts: an account whose
 * resident ID HMAC is already known joins that reader, otherwise it gets a reader of its own.
 * Existing accounts keep their reader. Each new account's {@code reader_link} row (the
 * {@link LinkReason}, the matched account, the run) is inserted with it, in one transaction.
 *
 * <p>
 * New accounts with a resident ID HMAC are linked and inserted under the {@link LinkingLock} (held
 * until the commit), so libraries syncing at once, on this node or others, or batches of one run
 * written at once, cannot create two readers for one person. New accounts without one have nobody
 * to be linked with and are inserted without it.
 */
final class AccountUpserts {

	private static final String UPDATE = "update reader_account set dn = ?, card_number = ?, display_name = ?, "
			+ "reader_type = ?, status = ?, expires_on = ?, resident_id_hmac = ?, phone = ?, email = ?, "
			+ "synced_at = ?, last_seen_run = ?, last_seen_at = ?, missing_since = null where id = ?";

	private static final String SEEN = "update reader_account set last_seen_run = :run, last_seen_at = :at where id in (:ids)";

	private static final String INSERT_ACCOUNT = "insert into reader_account (id, " + AccountRows.DATA_COLUMNS
			+ ", reader_id, synced_at, last_seen_run, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_READER = "insert into reader (id, created_at) values (?, ?)";

	private static final String INSERT_LINK = "insert into reader_link (id, account_id, reader_id, reason, "
			+ "matched_account_id, sync_run_id, linked_at) values (?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactions;

	private final TableStatistics statistics;

	private final LinkingLock linking;

	/** Account and link ids (time-ordered); reader ids stay random: they are the tokens' {@code sub}. */
	private final TimeOrderedIds ids = new TimeOrderedIds();

	AccountUpserts(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.statistics = new TableStatistics(dataSource);
		this.linking = new LinkingLock(dataSource);
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
		if (!created.isEmpty()) {
			insertLinked(created, at, runId, invalidResidentIds);
			this.statistics.inserted(created.size());
		}
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

	/**
	 * Inserts new accounts with their readers and links. Accounts without a verified resident ID
	 * number cannot be linked to anyone (nor anyone to them): each gets a reader of its own, in a
	 * transaction of their own, without the linking lock, so batches written at once do not wait
	 * for each other. The others are linked and inserted under the lock.
	 */
	private void insertLinked(List<DirectoryAccount> created, OffsetDateTime at, UUID runId,
			Set<String> invalidResidentIds) {
		List<DirectoryAccount> unlinkable = created.stream().filter((account) -> account.residentIdHmac() == null).toList();
		List<DirectoryAccount> linkable = created.stream().filter((account) -> account.residentIdHmac() != null).toList();
		if (!unlinkable.isEmpty()) {
			this.transactions.executeWithoutResult(
					(status) -> insert(unlinkable, new HashMap<>(), at, runId, invalidResidentIds));
		}
		if (linkable.isEmpty()) {
			return;
		}
		this.linking.inTransaction(() -> {
			insert(linkable, knownReaders(linkable), at, runId, invalidResidentIds);
			return null;
		});
	}

	/** @param matchByHmac the readers holding the accounts' HMACs; the new readers are added to it */
	private void insert(List<DirectoryAccount> created, Map<String, Match> matchByHmac, OffsetDateTime at, UUID runId,
			Set<String> invalidResidentIds) {
		List<Object[]> readers = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> links = new ArrayList<>();
		for (DirectoryAccount account : created) {
			UUID accountId = this.ids.next();
			String hmac = account.residentIdHmac();
			Match match = (hmac != null) ? matchByHmac.get(hmac) : null;
			UUID readerId;
			LinkReason reason;
			UUID matchedAccount = null;
			if (match != null) {
				readerId = match.readerId();
				reason = LinkReason.SAME_RESIDENT_ID;
				matchedAccount = match.accountId();
			}
			else {
				readerId = UUID.randomUUID();
				readers.add(new Object[] { readerId, at });
				if (hmac != null) {
					reason = LinkReason.NEW_READER;
					matchByHmac.put(hmac, new Match(readerId, accountId));
				}
				else {
					reason = invalidResidentIds.contains(account.directoryId()) ? LinkReason.INVALID_RESIDENT_ID
							: LinkReason.NO_RESIDENT_ID;
				}
			}
			rows.add(accountRow(accountId, account, readerId, at, runId));
			links.add(new Object[] { this.ids.next(), accountId, readerId, reason.name(), matchedAccount, runId, at });
		}
		this.jdbcTemplate.batchUpdate(INSERT_READER, readers);
		this.jdbcTemplate.batchUpdate(INSERT_ACCOUNT, rows);
		this.jdbcTemplate.batchUpdate(INSERT_LINK, links);
	}

	/**
	 * The reader already holding each HMAC of the batch (the lowest id should there be several),
	 * with the first of its accounts holding it.
	 */
	private Map<String, Match> knownReaders(List<DirectoryAccount> created) {
		List<String> hmacs = created.stream()
			.map(DirectoryAccount::residentIdHmac)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		if (hmacs.isEmpty()) {
			return new HashMap<>();
		}
		return this.jdbc
			.sql("select resident_id_hmac, reader_id, id from reader_account where resident_id_hmac in (:hmacs) "
					+ "order by resident_id_hmac, reader_id, synced_at, id")
			.param("hmacs", hmacs)
			.query((rs, rowNum) -> Map.entry(rs.getString("resident_id_hmac"),
					new Match(rs.getObject("reader_id", UUID.class), rs.getObject("id", UUID.class))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, HashMap::new));
	}

	private static Object[] accountRow(UUID accountId, DirectoryAccount account, UUID readerId, OffsetDateTime at,
			UUID runId) {
		Object[] data = AccountRows.dataValues(account);
		Object[] row = new Object[data.length + 5];
		row[0] = accountId;
		System.arraycopy(data, 0, row, 1, data.length);
		row[data.length + 1] = readerId;
		row[data.length + 2] = at;
		row[data.length + 3] = runId;
		row[data.length + 4] = at;
		return row;
	}

	private static StoredAccount storedAccount(ResultSet rs, int rowNum) throws SQLException {
		return new StoredAccount(rs.getObject("id", UUID.class), AccountRows.directoryAccount(rs),
				rs.getObject("missing_since", OffsetDateTime.class) != null);
	}

	/** A reader holding a resident ID HMAC, and the account of it that holds it. */
	private record Match(UUID readerId, UUID accountId) {

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

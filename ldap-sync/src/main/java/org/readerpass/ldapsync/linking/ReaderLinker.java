package org.readerpass.ldapsync.linking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.readerpass.ldapsync.account.AccountLinking;
import org.readerpass.ldapsync.account.AccountRows;
import org.readerpass.ldapsync.account.DirectoryAccount;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The linking rule, applied to each new account: an account whose verified resident ID HMAC is
 * already known joins that reader, otherwise it gets a reader of its own. Existing accounts keep
 * their reader (the account store never asks for them). Each new account's {@code reader_link}
 * row (the {@link LinkReason}, the matched account, the run) is inserted with it, in one
 * transaction.
 *
 * <p>
 * New accounts with a resident ID HMAC are linked and inserted under the {@link LinkingLock} (held
 * until the commit), so libraries syncing at once, on this node or others, or batches of one run
 * written at once, cannot create two readers for one person. New accounts without one have nobody
 * to be linked with and are inserted without it.
 */
final class ReaderLinker implements AccountLinking {

	private static final String INSERT_READER = "insert into reader (id, created_at) values (?, ?)";

	private static final String INSERT_LINK = "insert into reader_link (id, account_id, reader_id, reason, "
			+ "matched_account_id, sync_run_id, linked_at) values (?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactions;

	private final TableStatistics statistics;

	private final LinkingLock lock;

	/** Account and link ids (time-ordered); reader ids stay random: they are the tokens' {@code sub}. */
	private final TimeOrderedIds ids = new TimeOrderedIds();

	ReaderLinker(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.statistics = new TableStatistics(dataSource);
		this.lock = new LinkingLock(dataSource);
	}

	/**
	 * Inserts new accounts with their readers and links. Accounts without a verified resident ID
	 * number cannot be linked to anyone (nor anyone to them): each gets a reader of its own, in a
	 * transaction of their own, without the linking lock, so batches written at once do not wait
	 * for each other. The others are linked and inserted under the lock.
	 */
	@Override
	public void insertLinked(List<DirectoryAccount> created, Instant syncedAt, UUID runId,
			Set<String> invalidResidentIds) {
		if (created.isEmpty()) {
			return;
		}
		OffsetDateTime at = syncedAt.atOffset(ZoneOffset.UTC);
		List<DirectoryAccount> unlinkable = created.stream().filter((account) -> account.residentIdHmac() == null).toList();
		List<DirectoryAccount> linkable = created.stream().filter((account) -> account.residentIdHmac() != null).toList();
		if (!unlinkable.isEmpty()) {
			this.transactions.executeWithoutResult(
					(status) -> insert(unlinkable, new HashMap<>(), at, runId, invalidResidentIds));
		}
		if (!linkable.isEmpty()) {
			this.lock.inTransaction(() -> {
				insert(linkable, knownReaders(linkable), at, runId, invalidResidentIds);
				return null;
			});
		}
		this.statistics.inserted(created.size());
	}

	@Override
	public <T> T withLinkingLock(Supplier<T> work) {
		return this.lock.inTransaction(work);
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
			rows.add(AccountRows.insertValues(accountId, account, readerId, at, runId));
			links.add(new Object[] { this.ids.next(), accountId, readerId, reason.name(), matchedAccount, runId, at });
		}
		this.jdbcTemplate.batchUpdate(INSERT_READER, readers);
		this.jdbcTemplate.batchUpdate(AccountRows.INSERT, rows);
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

	/** A reader holding a resident ID HMAC, and the account of it that holds it. */
	private record Match(UUID readerId, UUID accountId) {

	}

}

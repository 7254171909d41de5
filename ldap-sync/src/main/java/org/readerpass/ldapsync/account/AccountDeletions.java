package org.readerpass.ldapsync.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link MissingAccounts} on the {@code reader_account} table's {@code last_seen_run} and {@code missing_since}. */
final class AccountDeletions implements MissingAccounts {

	private static final String UNSEEN = "library_code = :library and missing_since is null "
			+ "and (last_seen_run is null or last_seen_run <> :run)";

	/** Readers per delete statement. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final AccountLinking linking;

	AccountDeletions(DataSource dataSource, AccountLinking linking) {
		this.jdbc = JdbcClient.create(dataSource);
		this.linking = linking;
	}

	@Override
	public int countPresent(String libraryCode) {
		return this.jdbc.sql("select count(*) from reader_account where library_code = ? and missing_since is null")
			.param(libraryCode)
			.query(Integer.class)
			.single();
	}

	@Override
	public int countUnseen(String libraryCode, UUID runId) {
		return this.jdbc.sql("select count(*) from reader_account where " + UNSEEN)
			.param("library", libraryCode)
			.param("run", runId)
			.query(Integer.class)
			.single();
	}

	@Override
	public int suspendUnseen(String libraryCode, UUID runId, Instant at) {
		return this.jdbc.sql("update reader_account set status = :status, missing_since = :at where " + UNSEEN)
			.param("status", AccountStatus.SUSPENDED.name())
			.param("at", utc(at))
			.param("library", libraryCode)
			.param("run", runId)
			.update();
	}

	@Override
	public int suspendDeleted(String libraryCode, List<String> directoryIds, Instant at) {
		int suspended = 0;
		for (int from = 0; from < directoryIds.size(); from += CHUNK) {
			suspended += this.jdbc
				.sql("update reader_account set status = :status, missing_since = :at where library_code = :library "
						+ "and missing_since is null and directory_id in (:ids)")
				.param("status", AccountStatus.SUSPENDED.name())
				.param("at", utc(at))
				.param("library", libraryCode)
				.param("ids", directoryIds.subList(from, Math.min(from + CHUNK, directoryIds.size())))
				.update();
		}
		return suspended;
	}

	@Override
	public int purgeMissingBefore(String libraryCode, Instant cutoff) {
		// no new account may join a reader while it is being deleted
		Integer purged = this.linking.withLinkingLock(() -> {
			List<UUID> readers = this.jdbc
				.sql("select distinct reader_id from reader_account where library_code = ? and missing_since < ?")
				.param(libraryCode)
				.param(utc(cutoff))
				.query(UUID.class)
				.list();
			if (readers.isEmpty()) {
				return 0;
			}
			int accounts = this.jdbc.sql("delete from reader_account where library_code = ? and missing_since < ?")
				.param(libraryCode)
				.param(utc(cutoff))
				.update();
			for (int from = 0; from < readers.size(); from += CHUNK) {
				this.jdbc
					.sql("delete from reader where id in (:ids) "
							+ "and not exists (select 1 from reader_account a where a.reader_id = reader.id)")
					.param("ids", readers.subList(from, Math.min(from + CHUNK, readers.size())))
					.update();
			}
			return accounts;
		});
		return (purged != null) ? purged : 0;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}

package org.readerpass.ldapsync.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sync runs in the {@code sync_run} and {@code sync_run_failure} tables (Flyway migration
 * {@code db/migration/V2026_11_25_02__sync_deletions.sql} of this module), on H2 or PostgreSQL.
 */
public final class JdbcSyncRuns implements SyncRuns {

	private static final int MAX_ERROR_LENGTH = 2000;

	private static final int MAX_FAILURE_LENGTH = 2048;

	private static final String INSERT = "insert into sync_run (id, library_code, started_at, finished_at, read_count, "
			+ "created_count, updated_count, unchanged_count, missing_count, suspended_count, restored_count, "
			+ "purged_count, failed_count, brake_reason, confirms_run, error) "
			+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String SELECT = "select id, library_code, started_at, finished_at, read_count, created_count, "
			+ "updated_count, unchanged_count, missing_count, suspended_count, restored_count, purged_count, "
			+ "failed_count, brake_reason, confirms_run, error from sync_run ";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactions;

	public JdbcSyncRuns(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** @throws IllegalArgumentException when the result has no run id (a run that did not start) */
	@Override
	public void record(SyncResult r) {
		if (r.runId() == null) {
			throw new IllegalArgumentException("only a run that started can be recorded");
		}
		List<Object[]> failures = new ArrayList<>();
		for (int i = 0; i < r.failures().size(); i++) {
			failures.add(new Object[] { r.runId(), i, truncate(r.failures().get(i), MAX_FAILURE_LENGTH) });
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbcTemplate.update(INSERT, r.runId(), r.libraryCode(), utc(r.started()), utc(r.finished()), r.read(),
					r.created(), r.updated(), r.unchanged(), r.missing(), r.suspended(), r.restored(), r.purged(),
					r.failed(), (r.brakeReason() != null) ? r.brakeReason().name() : null, r.confirmsRun(),
					truncate(r.error(), MAX_ERROR_LENGTH));
			this.jdbcTemplate.batchUpdate("insert into sync_run_failure (run_id, item_no, failure) values (?, ?, ?)",
					failures);
		});
	}

	@Override
	public List<SyncResult> latest(String libraryCode, int limit) {
		return this.jdbc.sql(SELECT + "where library_code = ? order by started_at desc, finished_at desc limit ?")
			.param(libraryCode)
			.param(limit)
			.query(this::result)
			.list();
	}

	@Override
	public Optional<SyncResult> find(UUID runId) {
		return this.jdbc.sql(SELECT + "where id = ?").param(runId).query(this::result).optional();
	}

	private SyncResult result(ResultSet rs, int rowNum) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<String> failures = this.jdbc.sql("select failure from sync_run_failure where run_id = ? order by item_no")
			.param(id)
			.query(String.class)
			.list();
		String brake = rs.getString("brake_reason");
		return new SyncResult(id, rs.getString("library_code"), rs.getInt("read_count"), rs.getInt("created_count"),
				rs.getInt("updated_count"), rs.getInt("unchanged_count"), rs.getInt("failed_count"), failures,
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				rs.getObject("finished_at", OffsetDateTime.class).toInstant(), rs.getString("error"),
				rs.getInt("missing_count"), rs.getInt("suspended_count"), rs.getInt("restored_count"),
				rs.getInt("purged_count"), (brake != null) ? BrakeReason.valueOf(brake) : null,
				rs.getObject("confirms_run", UUID.class));
	}

	private static OffsetDateTime utc(java.time.Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length);
	}

}

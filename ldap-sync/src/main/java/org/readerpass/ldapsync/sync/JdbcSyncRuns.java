package org.readerpass.ldapsync.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
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
 * {@code db/migration/V2026_11_25_02__sync_deletions.sql} of this module), on H2 or PostgreSQL; the
 * libraries' high-water marks in {@code sync_high_water_mark} ({@code V2026_11_25_03__sync_incremental.sql}).
 */
final class JdbcSyncRuns implements SyncRuns {

	private static final int MAX_ERROR_LENGTH = 2000;

	private static final int MAX_FAILURE_LENGTH = 2048;

	private static final String INSERT = "insert into sync_run (id, library_code, started_at, finished_at, read_count, "
			+ "created_count, updated_count, unchanged_count, missing_count, suspended_count, restored_count, "
			+ "purged_count, failed_count, brake_reason, confirms_run, error, kind, high_water_mark) "
			+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String SELECT = "select id, library_code, started_at, finished_at, read_count, created_count, "
			+ "updated_count, unchanged_count, missing_count, suspended_count, restored_count, purged_count, "
			+ "failed_count, brake_reason, confirms_run, error, kind, high_water_mark from sync_run ";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactions;

	JdbcSyncRuns(DataSource dataSource) {
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
		SyncResult.Counts counts = r.counts();
		SyncResult.Deletions deletions = r.deletions();
		List<Object[]> failures = new ArrayList<>();
		for (int i = 0; i < counts.failures().size(); i++) {
			failures.add(new Object[] { r.runId(), i, truncate(counts.failures().get(i), MAX_FAILURE_LENGTH) });
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbcTemplate.update(INSERT, r.runId(), r.libraryCode(), utc(r.started()), utc(r.finished()),
					counts.read(), counts.created(), counts.updated(), counts.unchanged(), deletions.missing(),
					deletions.suspended(), deletions.restored(), deletions.purged(), counts.failed(),
					(deletions.brakeReason() != null) ? deletions.brakeReason().name() : null, r.confirmsRun(),
					truncate(r.error(), MAX_ERROR_LENGTH), r.kind().name(),
					(r.highWaterMark() != null) ? utc(r.highWaterMark()) : null);
			this.jdbcTemplate.batchUpdate("insert into sync_run_failure (run_id, item_no, failure) values (?, ?, ?)",
					failures);
			if (r.completed() && r.highWaterMark() != null) {
				moveMark(r.libraryCode(), r.highWaterMark(), r.runId(), r.finished());
			}
		});
	}

	/**
	 * Moves the library's mark forward to {@code mark} (never back), with no look-back
	 * ({@code run_duration_ms} 0: the mark is the directory's time at the run's start). A mark stored
	 * by an earlier version is compared by where it is read from. Runs of one library do not overlap.
	 */
	private void moveMark(String library, Instant mark, UUID runId, Instant at) {
		Optional<HighWaterMark> current = highWaterMark(library);
		if (current.isEmpty()) {
			this.jdbcTemplate.update("insert into sync_high_water_mark (library_code, high_water_mark, run_duration_ms, "
					+ "run_id, updated_at) values (?, ?, 0, ?, ?)", library, utc(mark), runId, utc(at));
		}
		else if (mark.isAfter(current.get().readFrom())) {
			this.jdbcTemplate.update("update sync_high_water_mark set high_water_mark = ?, run_duration_ms = 0, "
					+ "run_id = ?, updated_at = ? where library_code = ?", utc(mark), runId, utc(at), library);
		}
	}

	@Override
	public Optional<HighWaterMark> highWaterMark(String libraryCode) {
		return this.jdbc
			.sql("select high_water_mark, run_duration_ms from sync_high_water_mark where library_code = ?")
			.param(libraryCode)
			.query((rs, rowNum) -> new HighWaterMark(rs.getObject("high_water_mark", OffsetDateTime.class).toInstant(),
					Duration.ofMillis(rs.getLong("run_duration_ms"))))
			.optional();
	}

	@Override
	public List<SyncResult> latest(String libraryCode, SyncKind kind, int limit) {
		return this.jdbc
			.sql(SELECT + "where library_code = ? and kind = ? order by started_at desc, finished_at desc limit ?")
			.param(libraryCode)
			.param(kind.name())
			.param(limit)
			.query(this::result)
			.list();
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

	@Override
	public Optional<byte[]> cookie(String libraryCode) {
		return this.jdbc.sql("select cookie from sync_cookie where library_code = ?")
			.param(libraryCode)
			.query(String.class)
			.optional()
			.map(Base64.getDecoder()::decode);
	}

	@Override
	public void saveCookie(String libraryCode, byte[] cookie, UUID runId, Instant at) {
		String encoded = Base64.getEncoder().encodeToString(cookie);
		this.transactions.executeWithoutResult((status) -> {
			int updated = this.jdbcTemplate.update(
					"update sync_cookie set cookie = ?, run_id = ?, updated_at = ? where library_code = ?", encoded, runId,
					utc(at), libraryCode);
			if (updated == 0) {
				this.jdbcTemplate.update(
						"insert into sync_cookie (library_code, cookie, run_id, updated_at) values (?, ?, ?, ?)",
						libraryCode, encoded, runId, utc(at));
			}
		});
	}

	@Override
	public void clearCookie(String libraryCode) {
		this.jdbcTemplate.update("delete from sync_cookie where library_code = ?", libraryCode);
	}

	private SyncResult result(ResultSet rs, int rowNum) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<String> failures = this.jdbc.sql("select failure from sync_run_failure where run_id = ? order by item_no")
			.param(id)
			.query(String.class)
			.list();
		String brake = rs.getString("brake_reason");
		SyncResult.Counts counts = new SyncResult.Counts(rs.getInt("read_count"), rs.getInt("created_count"),
				rs.getInt("updated_count"), rs.getInt("unchanged_count"), rs.getInt("failed_count"), failures);
		SyncResult.Deletions deletions = new SyncResult.Deletions(rs.getInt("missing_count"),
				rs.getInt("suspended_count"), rs.getInt("restored_count"), rs.getInt("purged_count"),
				(brake != null) ? BrakeReason.valueOf(brake) : null);
		return new SyncResult(id, rs.getString("library_code"), SyncKind.valueOf(rs.getString("kind")),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				rs.getObject("finished_at", OffsetDateTime.class).toInstant(), counts, rs.getString("error"), deletions,
				rs.getObject("confirms_run", UUID.class), instant(rs.getObject("high_water_mark", OffsetDateTime.class)));
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length);
	}

}

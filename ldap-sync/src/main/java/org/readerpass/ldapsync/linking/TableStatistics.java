package org.readerpass.ldapsync.linking;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps PostgreSQL's planner statistics of the account tables current while a sync fills them.
 * Without statistics (a fresh database, autovacuum off or behind) the batch lookups' generic plan
 * filters one library's rows one by one, and a first full sync of a large directory slows down
 * with the square of its size (see docs/benchmarks.md). So the tables are analyzed after 5,000
 * inserted accounts, then each time the number inserted by this process has doubled: about a
 * dozen times for a million readers, each a sampled {@code ANALYZE} of a fraction of a second.
 * Other databases (H2) are left alone.
 */
final class TableStatistics {

	static final long FIRST_ANALYZE_AFTER = 5_000;

	private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private Boolean postgres;

	private long inserted;

	private long nextAnalyzeAt = FIRST_ANALYZE_AFTER;

	TableStatistics(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Counts inserted accounts; analyzes the tables when their number crosses the next mark. */
	synchronized void inserted(int accounts) {
		this.inserted += accounts;
		if (this.inserted < this.nextAnalyzeAt || !isPostgres()) {
			return;
		}
		this.jdbc.execute("analyze reader_account, reader, reader_link");
		log.debug("Analyzed the account tables inserted={}", this.inserted);
		this.nextAnalyzeAt = this.inserted * 2;
	}

	private boolean isPostgres() {
		if (this.postgres == null) {
			try {
				this.postgres = DatabaseProduct.isPostgres(this.dataSource);
			}
			catch (SQLException ex) {
				return false; // try again next time
			}
		}
		return this.postgres;
	}

}

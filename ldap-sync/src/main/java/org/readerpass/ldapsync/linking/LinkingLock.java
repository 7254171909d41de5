package org.readerpass.ldapsync.linking;

import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may link new accounts to readers, or purge readers, right now: one transaction at a time in
 * the whole network. In this JVM a lock; across nodes (libraries sync on different nodes at the same
 * time: the sync lease is per library) a PostgreSQL transaction-scoped advisory lock, taken first in
 * the transaction and released by its commit or rollback. So two nodes syncing two libraries that
 * hold the same person cannot both create a reader for them. The embedded H2 store is one node's.
 */
final class LinkingLock {

	/** The advisory lock's key ("RPLINK"): any other user of advisory locks on the database must avoid it. */
	static final long ADVISORY_KEY = 0x5250_4C49_4E4BL;

	private static final Lock JVM = new ReentrantLock();

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private volatile Boolean postgres;

	LinkingLock(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** Runs {@code work} in a transaction holding the linking lock. */
	<T> T inTransaction(Supplier<T> work) {
		boolean postgres = isPostgres();
		JVM.lock();
		try {
			return this.transactions.execute((status) -> {
				if (postgres) {
					this.jdbc.execute("select pg_advisory_xact_lock(" + ADVISORY_KEY + ")");
				}
				return work.get();
			});
		}
		finally {
			JVM.unlock();
		}
	}

	private boolean isPostgres() {
		Boolean known = this.postgres;
		if (known == null) {
			try {
				known = DatabaseProduct.isPostgres(this.dataSource);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("database not reachable: " + ex.getMessage(), ex);
			}
			this.postgres = known;
		}
		return known;
	}

}

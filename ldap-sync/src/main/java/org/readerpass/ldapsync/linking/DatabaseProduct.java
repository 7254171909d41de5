package org.readerpass.ldapsync.linking;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Which database the accounts live in, for the few things only PostgreSQL has: the planner
 * statistics ({@link TableStatistics}) and the advisory lock ({@link LinkingLock}) of the inserts.
 */
final class DatabaseProduct {

	private DatabaseProduct() {
	}

	/** Asks a connection of the data source; callers keep the answer. */
	static boolean isPostgres(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
		}
	}

}

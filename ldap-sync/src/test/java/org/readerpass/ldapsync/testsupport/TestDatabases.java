package org.readerpass.ldapsync.testsupport;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Databases for tests, with this module's Flyway migrations applied. */
public final class TestDatabases {

	private TestDatabases() {
	}

	/** A fresh in-memory H2 database, alive until the JVM ends. */
	public static DataSource h2() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:readerpass-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		return migrate(dataSource);
	}

	/**
	 * Empties every table of this module (sync marks and runs, accounts with their links, readers),
	 * so a database shared by a test class's methods starts each test empty.
	 */
	public static <T extends DataSource> T empty(T dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (String table : new String[] { "sync_high_water_mark", "sync_run", "reader_account", "reader" }) {
			jdbc.sql("delete from " + table).update(); // runs' failures and accounts' links cascade
		}
		return dataSource;
	}

	public static <T extends DataSource> T migrate(T dataSource) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

}

package org.readerpass.ldapsync.testsupport;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

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

	public static <T extends DataSource> T migrate(T dataSource) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

}

package org.readerpass.ldapsync.sync;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.readerpass.ldapsync.testsupport.TestPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Full sync into a real PostgreSQL database of this class's own (see {@link TestPostgres}). */
class FullSyncPostgresTests extends FullSyncContractTests {

	@RegisterExtension
	static final TestPostgres postgres = new TestPostgres();

	@BeforeAll
	static void migrate() {
		TestDatabases.migrate(postgres.dataSource());
	}

	@Override
	protected DataSource emptyDatabase() {
		JdbcClient jdbc = JdbcClient.create(postgres.dataSource());
		jdbc.sql("delete from reader_account").update();
		jdbc.sql("delete from reader").update();
		return postgres.dataSource();
	}

	@Override
	protected DataSource emptyDatabaseInUse() {
		return postgres.dataSource();
	}

}

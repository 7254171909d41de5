package org.readerpass.ldapsync.sync;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.readerpass.ldapsync.testsupport.TestPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Identity linking into a real PostgreSQL database of this class's own (see {@link TestPostgres}). */
class ReaderLinksPostgresTests extends ReaderLinksContractTests {

	@RegisterExtension
	static final TestPostgres postgres = new TestPostgres();

	@BeforeAll
	static void migrate() {
		TestDatabases.migrate(postgres.dataSource());
	}

	@Override
	protected DataSource emptyDatabase() {
		JdbcClient jdbc = JdbcClient.create(postgres.dataSource());
		jdbc.sql("delete from reader_account").update(); // its reader_link rows go with it (on delete cascade)
		jdbc.sql("delete from reader").update();
		jdbc.sql("delete from sync_run").update();
		return postgres.dataSource();
	}

	@Override
	protected DataSource emptyDatabaseInUse() {
		return postgres.dataSource();
	}

}

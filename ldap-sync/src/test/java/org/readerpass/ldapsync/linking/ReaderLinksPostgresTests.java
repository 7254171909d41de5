package org.readerpass.ldapsync.linking;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.readerpass.ldapsync.testsupport.TestPostgres;

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
		return TestDatabases.empty(postgres.dataSource());
	}

	@Override
	protected DataSource emptyDatabaseInUse() {
		return postgres.dataSource();
	}

}

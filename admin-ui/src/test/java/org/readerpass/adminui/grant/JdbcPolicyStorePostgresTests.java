package org.readerpass.adminui.grant;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.readerpass.ldapsync.testsupport.TestPostgres;

/** The store on the machine's real PostgreSQL, in a database of this class's own (see {@link TestPostgres}). */
class JdbcPolicyStorePostgresTests extends PolicyStoreContractTests {

	@RegisterExtension
	static final TestPostgres postgres = new TestPostgres();

	@BeforeAll
	static void migrate() {
		TestDatabases.migrate(postgres.dataSource());
	}

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

}

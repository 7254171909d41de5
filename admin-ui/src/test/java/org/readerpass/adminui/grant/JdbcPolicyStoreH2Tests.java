package org.readerpass.adminui.grant;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.readerpass.ldapsync.testsupport.TestDatabases;

/** The store on an in-memory H2 database (the embedded default), migrated by Flyway. */
class JdbcPolicyStoreH2Tests extends PolicyStoreContractTests {

	private static DataSource dataSource;

	@BeforeAll
	static void migrate() {
		dataSource = TestDatabases.h2();
	}

	@Override
	protected DataSource dataSource() {
		return dataSource;
	}

}

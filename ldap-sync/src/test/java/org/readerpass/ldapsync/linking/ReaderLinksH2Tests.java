package org.readerpass.ldapsync.linking;

import javax.sql.DataSource;

import org.readerpass.ldapsync.testsupport.TestDatabases;

/** Identity linking into an in-memory H2 database (the embedded default), a fresh one per test. */
class ReaderLinksH2Tests extends ReaderLinksContractTests {

	private DataSource dataSource;

	@Override
	protected DataSource emptyDatabase() {
		this.dataSource = TestDatabases.h2();
		return this.dataSource;
	}

	@Override
	protected DataSource emptyDatabaseInUse() {
		return this.dataSource;
	}

}

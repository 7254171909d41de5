package org.readerpass.ldapsync.sync;

import javax.sql.DataSource;

import org.readerpass.ldapsync.testsupport.TestDatabases;

/** Deletions, brake and run records on an in-memory H2 database, a fresh one per test. */
class FullSyncDeletionsH2Tests extends FullSyncDeletionsContractTests {

	@Override
	protected DataSource emptyDatabase() {
		return TestDatabases.h2();
	}

}

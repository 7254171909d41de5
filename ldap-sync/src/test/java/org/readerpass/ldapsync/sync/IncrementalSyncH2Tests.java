package org.readerpass.ldapsync.sync;

import javax.sql.DataSource;

import org.readerpass.ldapsync.testsupport.TestDatabases;

/** Incremental sync on an in-memory H2 database, a fresh one per test. */
class IncrementalSyncH2Tests extends IncrementalSyncContractTests {

	@Override
	protected DataSource emptyDatabase() {
		return TestDatabases.h2();
	}

}

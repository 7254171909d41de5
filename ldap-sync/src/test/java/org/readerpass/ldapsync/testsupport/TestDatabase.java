package org.readerpass.ldapsync.testsupport;

import javax.sql.DataSource;

/**
 * The database one run of an {@link OnH2AndPostgres} test class is on: an in-memory H2 database,
 * or a real PostgreSQL database of the run's own ({@link TestPostgres}, created when first asked
 * for and dropped when the run ends). Both have the Flyway migrations on the classpath applied
 * ({@link TestDatabases#migrate}).
 */
public abstract sealed class TestDatabase implements AutoCloseable {

	private TestDatabase() {
	}

	/** An in-memory H2 database (the embedded default). */
	public static TestDatabase h2() {
		return new H2();
	}

	/** A real PostgreSQL database of its own (see {@link TestPostgres} for the server it is created on). */
	public static TestDatabase postgres() {
		return new Postgres();
	}

	/** The run's database, migrated (created on the first call). */
	public abstract DataSource dataSource();

	/**
	 * The run's database, migrated and without rows in this module's tables
	 * ({@link TestDatabases#empty}): on H2 a fresh database (which {@link #dataSource()} returns from
	 * then on), on PostgreSQL the run's database emptied.
	 */
	public abstract DataSource empty();

	/** {@code H2} or {@code PostgreSQL}. */
	public abstract String name();

	/** Drops what the run created. */
	@Override
	public abstract void close();

	@Override
	public String toString() {
		return name();
	}

	private static final class H2 extends TestDatabase {

		private DataSource dataSource;

		@Override
		public DataSource dataSource() {
			if (this.dataSource == null) {
				this.dataSource = TestDatabases.h2();
			}
			return this.dataSource;
		}

		@Override
		public DataSource empty() {
			this.dataSource = TestDatabases.h2();
			return this.dataSource;
		}

		@Override
		public String name() {
			return "H2";
		}

		/** The in-memory database lives until the JVM ends, as {@link TestDatabases#h2()} makes it. */
		@Override
		public void close() {
			this.dataSource = null;
		}

	}

	private static final class Postgres extends TestDatabase {

		private TestPostgres postgres;

		@Override
		public DataSource dataSource() {
			if (this.postgres == null) {
				TestPostgres created = new TestPostgres().create(); // fails, never skips, without a server
				try {
					TestDatabases.migrate(created.dataSource());
				}
				catch (RuntimeException ex) {
					created.close();
					throw ex;
				}
				this.postgres = created;
			}
			return this.postgres.dataSource();
		}

		@Override
		public DataSource empty() {
			return TestDatabases.empty(dataSource());
		}

		@Override
		public String name() {
			return "PostgreSQL";
		}

		@Override
		public void close() {
			if (this.postgres != null) {
				this.postgres.close();
				this.postgres = null;
			}
		}

	}

}

package org.readerpass.authserver.flyway;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.ldapsync.testsupport.TestPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module's Flyway migrations, as the server runs them, applied to the machine's real
 * PostgreSQL in a database of this test's own (dropped afterwards).
 */
class PostgresMigrationTests {

	@RegisterExtension
	static final TestPostgres postgres = new TestPostgres();

	@Test
	void migrateWhenEmptyPostgresThenEverySchemaAppliesAndRerunIsNoop() {
		Flyway flyway = Flyway.configure().dataSource(postgres.dataSource()).locations("classpath:db/migration").load();
		MigrateResult first = flyway.migrate();
		assertThat(first.success).isTrue();
		assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(2);

		List<String> tables = JdbcClient.create(postgres.dataSource())
			.sql("select table_name from information_schema.tables where table_schema = 'public'")
			.query(String.class)
			.list();
		assertThat(tables).contains("reader", "reader_account", "signing_key", "flyway_schema_history");

		MigrateResult second = flyway.migrate();
		assertThat(second.migrationsExecuted).isZero();
		flyway.validate();
	}

}

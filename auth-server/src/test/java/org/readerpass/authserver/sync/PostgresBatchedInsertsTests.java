package org.readerpass.authserver.sync;

import java.sql.Connection;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.core.BaseConnection;
import org.readerpass.ldapsync.testsupport.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBatchedInsertsTests {

	@RegisterExtension
	static final TestPostgres postgres = new TestPostgres();

	@Test
	void postgresStoreWhenNotConfiguredThenItsConnectionsRewriteBatchedInserts() throws Exception {
		try (HikariDataSource dataSource = dataSource(postgres.url())) {
			new PostgresBatchedInserts().postProcessAfterInitialization(dataSource, "dataSource");

			try (Connection connection = dataSource.getConnection()) {
				assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
					.isTrue();
			}
		}
	}

	@Test
	void postgresStoreWhenOperatorTurnedItOffInTheUrlThenLeftOff() throws Exception {
		try (HikariDataSource dataSource = dataSource(postgres.url() + (postgres.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=false")) {
			new PostgresBatchedInserts().postProcessAfterInitialization(dataSource, "dataSource");

			assertThat(dataSource.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
			try (Connection connection = dataSource.getConnection()) {
				assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
					.isFalse();
			}
		}
	}

	@Test
	void postgresStoreWhenOperatorSetItAsPropertyThenKept() {
		try (HikariDataSource dataSource = dataSource(postgres.url())) {
			dataSource.addDataSourceProperty("reWriteBatchedInserts", "false");
			new PostgresBatchedInserts().postProcessAfterInitialization(dataSource, "dataSource");

			assertThat(dataSource.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "false");
		}
	}

	@Test
	void h2StoreWhenProcessedThenUntouched() {
		try (HikariDataSource dataSource = dataSource("jdbc:h2:mem:batched")) {
			new PostgresBatchedInserts().postProcessAfterInitialization(dataSource, "dataSource");

			assertThat(dataSource.getDataSourceProperties()).isEmpty();
		}
	}

	private static HikariDataSource dataSource(String url) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername(postgres.user());
		dataSource.setPassword(postgres.password());
		return dataSource;
	}

}

package org.readerpass.authserver.sync;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's own data source passes through {@link PostgresBatchedInserts} (H2 here: left as it is). */
@ReaderPassServerTest
class PostgresBatchedInsertsWiringTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void serverWhenStartedThenItsDataSourceIsSeenByThePostProcessor() {
		assertThat(this.context.getBeansOfType(PostgresBatchedInserts.class)).hasSize(1);
		HikariDataSource dataSource = this.context.getBean(HikariDataSource.class);
		assertThat(dataSource.getJdbcUrl()).startsWith("jdbc:h2:");
		assertThat(dataSource.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
	}

}

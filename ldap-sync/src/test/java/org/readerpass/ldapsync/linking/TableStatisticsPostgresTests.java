package org.readerpass.ldapsync.linking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.DirectoryAccount;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.readerpass.ldapsync.testsupport.TestPostgres;
import org.readerpass.policy.Secret;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the machine's PostgreSQL (autovacuum may be off, as it is on the project's machines), a sync
 * that inserts accounts leaves the planner statistics current, so batch lookups keep using the
 * (library, directory id) index as the table grows.
 */
class TableStatisticsPostgresTests {

	@RegisterExtension
	static final TestPostgres postgres = new TestPostgres();

	private static List<DirectoryAccount> accounts(int from, int count) {
		List<DirectoryAccount> accounts = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			accounts.add(new DirectoryAccount("zj", "dir-" + i, "uid=R" + i + ",ou=readers", "R" + i, "读者" + i, "general",
					AccountStatus.ACTIVE, null, null, null, null));
		}
		return accounts;
	}

	private static double estimatedRows(JdbcClient jdbc) {
		return jdbc.sql("select reltuples from pg_class where relname = 'reader_account'").query(Double.class).single();
	}

	@Test
	void writeWhenFirstThousandsInsertedThenTablesAnalyzed() {
		ReaderAccountStore writer = LinkedAccounts.jdbc(TestDatabases.migrate(postgres.dataSource()),
				new ResidentIdHasher(Secret.of("test-only-identity-hmac-key-0123456789")));
		JdbcClient jdbc = JdbcClient.create(postgres.dataSource());
		UUID run = UUID.randomUUID();
		writer.write(accounts(0, 2_000), Instant.now(), run);
		assertThat(estimatedRows(jdbc)).as("not analyzed yet: below the first mark").isLessThan(1);
		writer.write(accounts(2_000, 2_000), Instant.now(), run);
		writer.write(accounts(4_000, 2_000), Instant.now(), run);
		assertThat(estimatedRows(jdbc)).as("analyzed once 5,000 accounts were inserted").isEqualTo(6_000);
	}

}

package org.readerpass.ldapsync.linking;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

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
 * Linking is serialized across nodes: while another node (here a connection of the test's own)
 * holds the linking advisory lock in an open transaction, an account with a resident ID waits
 * for it, and then joins the reader that node created; an account without one does not wait.
 */
class LinkingLockPostgresTests {

	@RegisterExtension
	static final TestPostgres postgres = new TestPostgres();

	private static DirectoryAccount account(String library, String id, String hmac) {
		return new DirectoryAccount(library, id, "uid=" + id + ",ou=readers", id, "读者 " + id, "general",
				AccountStatus.ACTIVE, null, hmac, null, null);
	}

	@Test
	void writeWhenAnotherNodeIsLinkingThenAccountWithResidentIdWaitsAndJoinsItsReader() throws Exception {
		DataSource database = TestDatabases.migrate(postgres.dataSource());
		ReaderAccountStore accounts = LinkedAccounts.jdbc(database,
				new ResidentIdHasher(Secret.of("test-only-identity-hmac-key-0123456789")));
		String hmac = "a".repeat(64);
		try (Connection otherNode = database.getConnection(); Statement statement = otherNode.createStatement()) {
			otherNode.setAutoCommit(false);
			statement.execute("select pg_advisory_xact_lock(" + LinkingLock.ADVISORY_KEY + ")");
			// the other node links the person's account at its library, not committed yet
			UUID reader = UUID.randomUUID();
			statement.execute("insert into reader (id, created_at) values ('" + reader + "', now())");
			statement.execute("insert into reader_account (id, library_code, directory_id, dn, card_number, display_name, "
					+ "reader_type, status, resident_id_hmac, reader_id, synced_at) values ('" + UUID.randomUUID()
					+ "', 'sx', 'sx-1', 'uid=sx-1', 'SX1', 'x', 'general', 'ACTIVE', '" + hmac + "', '" + reader
					+ "', now())");

			// a thread each: on JDK 25 with two cores the common pool can run both on one worker
			Executor threadEach = (task) -> {
				Thread thread = new Thread(task);
				thread.setDaemon(true);
				thread.start();
			};
			CompletableFuture<?> linked = CompletableFuture.runAsync(
					() -> accounts.write(List.of(account("zj", "zj-1", hmac)), Instant.now(), UUID.randomUUID()), threadEach);
			CompletableFuture<?> unlinkable = CompletableFuture.runAsync(
					() -> accounts.write(List.of(account("zj", "zj-2", null)), Instant.now(), UUID.randomUUID()), threadEach);

			unlinkable.get(10, TimeUnit.SECONDS);
			Thread.sleep(300);
			assertThat(linked).isNotDone();
			otherNode.commit();
			linked.get(10, TimeUnit.SECONDS);
		}
		JdbcClient jdbc = JdbcClient.create(database);
		assertThat(jdbc.sql("select count(distinct reader_id) from reader_account where resident_id_hmac = ?")
			.param(hmac)
			.query(Integer.class)
			.single()).as("one person, one reader").isEqualTo(1);
		assertThat(accounts.findByCardNumber("zj-1")).singleElement()
			.satisfies((account) -> assertThat(
					jdbc.sql("select reason from reader_link where account_id = ?").param(account.id()).query(String.class).single())
				.isEqualTo(LinkReason.SAME_RESIDENT_ID.name()));
	}

}

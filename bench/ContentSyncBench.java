import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.ldap.TestLdapConnectors;
import org.readerpass.ldapsync.directory.AttributeNames;
import org.readerpass.ldapsync.directory.ChangeDetection;
import org.readerpass.ldapsync.directory.DirectoryPreset;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.lease.SyncLease;
import org.readerpass.ldapsync.lease.TestSyncLeases;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.linking.TestReaderAccounts;
import org.readerpass.ldapsync.sync.SyncResult;
import org.readerpass.ldapsync.sync.TestSyncEngines;
import org.readerpass.policy.Secret;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 3's incremental and persist benchmarks, run by bench/sync-1m.sh after its two full runs,
 * against the same slapd (with syncprov and a session log) and PostgreSQL database, with the
 * ldap-sync classes of the server jar (single-file source launch; classpath = the jar's
 * BOOT-INF/classes and BOOT-INF/lib, and ldap-sync's test-jar, whose test support in each package
 * builds the package-private engines, connectors, account store and lease as the application's
 * configuration does):
 * <ol>
 * <li>a third full run (nothing changed) on a content-sync connector, which stores the cookie;</li>
 * <li>1,000 modifications, then an incremental run by change timestamps;</li>
 * <li>1,000 more, then an incremental run by RFC 4533 refreshOnly;</li>
 * <li>a refreshAndPersist stream: {@code samples} modifications one at a time, each timed from just
 * before the LDAP modify until PostgreSQL returns the new value (what a login or token would read),
 * polled every 1 ms; then 1,000 modifications as fast as one LDAP connection sends them, timed until
 * the last is visible.</li>
 * </ol>
 * Args: ldapUrl syncDn syncPassword baseDn rootDn rootPassword jdbcUrl jdbcUser hmacKey readers samples
 */
public class ContentSyncBench {

	private static final String LIBRARY = "zj";

	public static void main(String[] args) throws Exception {
		URI url = URI.create(args[0]);
		String syncDn = args[1];
		String syncPassword = args[2];
		String baseDn = args[3];
		String rootDn = args[4];
		String rootPassword = args[5];
		int readers = Integer.parseInt(args[9]);
		int samples = Integer.parseInt(args[10]);
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(args[6]);
		pool.setUsername(args[7]);
		pool.setMaximumPoolSize(4);
		try (HikariDataSource database = new HikariDataSource(pool)) {
			ResidentIdHasher hasher = new ResidentIdHasher(Secret.of(args[8]));
			ReaderAccountStore accounts = TestReaderAccounts.jdbc(database, hasher);
			SyncLease lease = TestSyncLeases.inMemory(Clock.systemUTC());
			AccountReader timestamps = connector(url, syncDn, syncPassword, baseDn, ChangeDetection.TIMESTAMPS);
			AccountReader persist = connector(url, syncDn, syncPassword, baseDn, ChangeDetection.CONTENT_SYNC_PERSIST);
			TestSyncEngines.Builder byTimestamps = node(timestamps, accounts, database, hasher, lease);
			TestSyncEngines.Builder byContent = node(persist, accounts, database, hasher, lease);
			SplittableRandom random = new SplittableRandom(20261125);
			try (LDAPConnection ldap = new LDAPConnection(url.getHost(), url.getPort(), rootDn, rootPassword)) {
				SyncResult full = byContent.full().run(LIBRARY);
				report("full run 3 (nothing changed, content-sync connector: takes and stores the cookie)", full);

				modify(ldap, baseDn, readers, random, 1000, "ts");
				report("incremental run by change timestamps after 1,000 modifications",
						byTimestamps.incremental((library) -> Duration.ofSeconds(60)).run(LIBRARY));

				modify(ldap, baseDn, readers, random, 1000, "rs");
				report("incremental run by content sync (refreshOnly) after 1,000 modifications",
						byContent.incremental((library) -> Duration.ofSeconds(60)).run(LIBRARY));

				try (TestSyncEngines.Streams streams = byContent.streams()) {
					streams.start(List.of(LIBRARY));
					long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
					while (!streams.streaming(LIBRARY) && System.nanoTime() < deadline) {
						Thread.sleep(10);
					}
					Thread.sleep(500);
					JdbcClient jdbc = JdbcClient.create(database);
					List<Long> micros = new ArrayList<>();
					for (int i = 0; i < samples; i++) {
						String card = card(random.nextInt(readers) + 1);
						String value = "persist-" + i;
						long t0 = System.nanoTime();
						ldap.modify("uid=" + card + "," + baseDn,
								new Modification(ModificationType.REPLACE, "displayName", value));
						while (!value.equals(displayName(jdbc, card))) {
							Thread.sleep(0, 500_000);
						}
						micros.add((System.nanoTime() - t0) / 1000);
						Thread.sleep(20);
					}
					Collections.sort(micros);
					System.out.printf("persist: LDAP modify -> visible in PostgreSQL, %d samples: p50 %.1f ms, "
							+ "p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", samples, pct(micros, 0.50), pct(micros, 0.90),
							pct(micros, 0.99), micros.get(micros.size() - 1) / 1000.0);
					long t0 = System.nanoTime();
					String last = null;
					String lastCard = null;
					for (int i = 0; i < 1000; i++) {
						lastCard = card(random.nextInt(readers) + 1);
						last = "burst-" + i;
						ldap.modify("uid=" + lastCard + "," + baseDn,
								new Modification(ModificationType.REPLACE, "displayName", last));
					}
					long sent = System.nanoTime();
					while (!last.equals(displayName(jdbc, lastCard))) {
						Thread.sleep(1);
					}
					long visible = System.nanoTime();
					System.out.printf("persist: burst of 1,000 modifications sent in %d ms, last visible %d ms "
							+ "after the first was sent (%d ms after the last)%n", (sent - t0) / 1_000_000,
							(visible - t0) / 1_000_000, (visible - sent) / 1_000_000);
				}
			}
			byTimestamps.close();
			byContent.close();
			timestamps.close();
			persist.close();
		}
	}

	private static AccountReader connector(URI url, String syncDn, String password, String baseDn,
			ChangeDetection changes) {
		LibraryDirectory directory = new LibraryDirectory(LIBRARY, DirectoryPreset.OPENLDAP, List.of(url), true,
				syncDn, Secret.of(password), baseDn, null, 1000, Duration.ofSeconds(5), Duration.ofSeconds(120),
				Duration.ofSeconds(5), 2, new AttributeNames(null, null, null, null, null, null, null, null, null),
				null, null, null, null, null, null, false, null, changes);
		return TestLdapConnectors.create(directory, directory.urls(), ZoneId.of("Asia/Shanghai"));
	}

	/**
	 * One node's engines on the connector: the default deletion policy, system clock, batch size and a
	 * meter registry of its own, the shared lease with a 60 s time-to-live.
	 */
	private static TestSyncEngines.Builder node(AccountReader connector, ReaderAccountStore accounts,
			DataSource database, ResidentIdHasher hasher, SyncLease lease) {
		return TestSyncEngines.node(List.of(connector), accounts, TestSyncEngines.jdbcRuns(database))
			.hasher(hasher)
			.lease(lease, Duration.ofSeconds(60));
	}

	private static void modify(LDAPConnection ldap, String baseDn, int readers, SplittableRandom random, int count,
			String tag) throws Exception {
		long t0 = System.nanoTime();
		for (int i = 0; i < count; i++) {
			ldap.modify("uid=" + card(random.nextInt(readers) + 1) + "," + baseDn,
					new Modification(ModificationType.REPLACE, "displayName", tag + "-" + i));
		}
		System.out.printf("%d modifications sent in %d ms%n", count, (System.nanoTime() - t0) / 1_000_000);
	}

	private static String card(int n) {
		return String.format("ZJ%07d", n);
	}

	private static String displayName(JdbcClient jdbc, String card) {
		return jdbc.sql("select display_name from reader_account where library_code = ? and card_number = ?")
			.param(LIBRARY)
			.param(card)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static void report(String what, SyncResult result) {
		long ms = result.duration().toMillis();
		SyncResult.Counts counts = result.counts();
		System.out.printf("%s: completed=%s read=%d created=%d updated=%d unchanged=%d suspended=%d in %d ms "
				+ "(%d entries/s)%s%n", what, result.completed(), counts.read(), counts.created(), counts.updated(),
				counts.unchanged(), result.deletions().suspended(), ms, (ms > 0) ? counts.read() * 1000L / ms : 0,
				(result.error() != null) ? " error=" + result.error() : "");
	}

	private static double pct(List<Long> sorted, double p) {
		int index = (int) Math.ceil(p * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1000.0;
	}

}

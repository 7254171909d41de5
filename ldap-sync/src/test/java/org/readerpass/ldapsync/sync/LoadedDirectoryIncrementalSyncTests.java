package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.ldap.TestLdapConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.linking.TestReaderAccounts;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLdif;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.Slapd;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.readerpass.ldapsync.testsupport.TestPostgres;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;

/**
 * Issue 11, point 4: a directory freshly loaded with {@code slapadd}, as after a library's
 * migration, whose {@value #READERS} readers share one {@code createTimestamp}/{@code modifyTimestamp}
 * (an hour before the test), on a real slapd that tells its time (monitor backend), with the
 * default overlap of 60 s. Before the mark followed the directory's clock, the mark stayed at that
 * shared timestamp and every incremental run read all the readers again. One directory and one
 * full sync (PostgreSQL, a database of the class's own) for the class; the methods run in order,
 * the idle one first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadedDirectoryIncrementalSyncTests {

	/** PostgreSQL: H2 finds a batch's stored accounts by scanning the library's, which grows with the run. */
	@RegisterExtension
	static final TestPostgres postgres = new TestPostgres();

	private static final int READERS = 100_000;

	private static final DemoLibrary ZJ = DemoLibrary.ZJ;

	private static final Duration OVERLAP = Duration.ofSeconds(60);

	private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private Slapd slapd;

	private AccountReader connector;

	private ReaderAccountStore accounts;

	private FullSync full;

	private IncrementalSync incremental;

	private SyncResult fullRun;

	@BeforeAll
	void loadAndSyncFully() {
		Instant loaded = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		this.slapd = Slapd.builder(ZJ.suffix())
			.ldif(ldif(loaded))
			// slapd's default size limit (500) would end a full read early
			.databaseConfig("limits dn.exact=\"" + ZJ.syncBindDn() + "\" size=unlimited")
			.databaseConfig("access to * by * read")
			.start();
		DirectoryProperties demo = DemoDirectories.properties(ZJ);
		LibraryDirectory config = pageSize(
				DemoDirectories.at(demo.library(ZJ.code()).orElseThrow(), URI.create(this.slapd.url())), 1000);
		this.connector = TestLdapConnectors.create(config, config.urls(), demo.zone());
		DataSource database = TestDatabases.migrate(postgres.dataSource());
		ResidentIdHasher hasher = new ResidentIdHasher(demo.identityHmacKey());
		this.accounts = TestReaderAccounts.jdbc(database, hasher);
		TestSyncEngines.Builder node = TestSyncEngines
			.node(List.of(this.connector), this.accounts, new JdbcSyncRuns(database))
			.hasher(hasher);
		this.full = node.full();
		this.incremental = node.incremental((library) -> OVERLAP);
		this.fullRun = this.full.run(ZJ.code());
		assertThat(this.fullRun).extracting(SyncResult::error, (r) -> r.counts().created())
			.containsExactly(null, READERS);
	}

	@AfterAll
	void stop() {
		if (this.connector != null) {
			this.connector.close();
		}
		if (this.slapd != null) {
			this.slapd.close();
		}
	}

	@Test
	@Order(1)
	void runWhenLoadedDirectoryIdleThenFirstAndSecondRunReadNothing() {
		SyncResult first = this.incremental.run(ZJ.code());
		SyncResult second = this.incremental.run(ZJ.code());
		assertThat(first).extracting(SyncResult::completed, (r) -> r.counts().read()).containsExactly(true, 0);
		assertThat(second).extracting(SyncResult::completed, (r) -> r.counts().read()).containsExactly(true, 0);
		// the mark follows the directory's clock, not the timestamps the load gave the entries
		assertThat(first.highWaterMark()).isAfterOrEqualTo(this.fullRun.highWaterMark());
		assertThat(second.highWaterMark()).isAfterOrEqualTo(first.highWaterMark());
	}

	@Test
	@Order(2)
	void runWhenOneReaderChangedAfterARunStartedThenOnlyItRead() throws LDAPException {
		SyncResult before = this.incremental.run(ZJ.code());
		try (LDAPConnection connection = new LDAPConnection("127.0.0.1", this.slapd.port(), this.slapd.rootDn(),
				this.slapd.rootPassword())) {
			connection.modify(dn(READERS / 2), new Modification(ModificationType.REPLACE, "displayName", "改名读者"));
		}
		SyncResult after = this.incremental.run(ZJ.code());
		assertThat(before.counts().read()).isZero();
		assertThat(after).extracting((r) -> r.counts().read(), (r) -> r.counts().updated()).containsExactly(1, 1);
		assertThat(this.accounts.findByCardNumber(card(READERS / 2))).singleElement()
			.satisfies((account) -> assertThat(account.displayName()).isEqualTo("改名读者"));
	}

	/** zj's suffix, ou and sync user from the demo LDIF, then the readers, all stamped {@code loaded}. */
	private static String ldif(Instant loaded) {
		String at = GENERALIZED.format(loaded);
		StringBuilder ldif = new StringBuilder(READERS * 400);
		try (LDIFReader reader = new LDIFReader(
				new ByteArrayInputStream(DemoLdif.of(ZJ).getBytes(StandardCharsets.UTF_8)))) {
			for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
				if (!entry.getDN().startsWith("uid=")) {
					entry.setAttribute("createTimestamp", at);
					entry.setAttribute("modifyTimestamp", at);
					ldif.append(entry.toLDIFString()).append('\n');
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (LDIFException ex) {
			throw new IllegalStateException(ex);
		}
		for (int i = 1; i <= READERS; i++) {
			String card = card(i);
			String dn = dn(i);
			ldif.append("dn: ").append(dn).append('\n')
				.append("objectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\n")
				.append("objectClass: inetOrgPerson\nobjectClass: libraryReader\n")
				.append("uid: ").append(card).append('\n')
				.append("cn: Reader ").append(i).append('\n')
				.append("sn: Reader\n")
				.append("displayName: Reader ").append(i).append('\n')
				.append("readerType: general\nreaderStatus: active\n")
				.append("entryUUID: ").append(UUID.nameUUIDFromBytes(dn.getBytes(StandardCharsets.UTF_8))).append('\n')
				.append("createTimestamp: ").append(at).append('\n')
				.append("modifyTimestamp: ").append(at).append("\n\n");
		}
		return ldif.toString();
	}

	private static String card(int i) {
		return String.format("ZJ%07d", i);
	}

	private static String dn(int i) {
		return "uid=" + card(i) + ",ou=readers," + ZJ.suffix();
	}

	private static LibraryDirectory pageSize(LibraryDirectory l, int pageSize) {
		return new LibraryDirectory(l.library(), l.preset(), l.urls(), l.insecurePlain(), l.bindDn(), l.bindPassword(),
				l.baseDn(), l.filter(), pageSize, l.connectTimeout(), l.responseTimeout(), l.bindTimeout(),
				l.poolSize(), l.mapping(), l.embedded(), l.safetyBrake(), l.purgeAfter(), l.fullSyncInterval(),
				l.incrementalInterval(), l.incrementalOverlap(), l.startTls(), l.trustedCertificates(),
				l.changeDetection());
	}

}

package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.ChangeReader;
import org.readerpass.ldapsync.connector.DirectoryClock;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.EntryHandler;
import org.readerpass.ldapsync.connector.ldap.TestLdapConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.linking.TestReaderAccounts;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.DemoReaders;
import org.readerpass.ldapsync.testsupport.OnH2AndPostgres;
import org.readerpass.ldapsync.testsupport.Slapd;
import org.readerpass.ldapsync.testsupport.TestDatabase;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incremental sync by change timestamps, the same checks on H2 and on PostgreSQL
 * ({@link OnH2AndPostgres}). Library zj (OpenLDAP style) and zj.sx (AD style) on embedded directories
 * seeded with {@link TimestampedLdif} (entries an hour apart, long before the test runs), and zj on
 * a real slapd, with and without its monitor backend. The overlap is 60 s. The high-water mark is
 * the directory's time at the start of a run (the embedded directories and slapd with its monitor
 * tell it), so an incremental run right after the full one reads only the entries changed since;
 * a directory that cannot tell its time gets a mark from its change timestamps, which then advances
 * with the time elapsed.
 */
@OnH2AndPostgres
class IncrementalSyncContractTests {

	private static final DemoLibrary ZJ = DemoLibrary.ZJ;

	private static final DemoLibrary SX = DemoLibrary.SX;

	private static final Duration OVERLAP = Duration.ofSeconds(60);

	private static final DateTimeFormatter WHEN_CHANGED = DateTimeFormatter.ofPattern("uuuuMMddHHmmss'.0Z'")
		.withZone(ZoneOffset.UTC);

	private DirectoryProperties properties;

	private EmbeddedDirectories directories;

	private final List<AccountReader> connectors = new ArrayList<>();

	private DataSource database;

	private ReaderAccountStore accounts;

	private ResidentIdHasher hasher;

	private final TestDatabase testDatabase;

	IncrementalSyncContractTests(TestDatabase database) {
		this.testDatabase = database;
	}

	@BeforeEach
	void startDirectories() {
		DirectoryProperties demo = DemoDirectories.properties(ZJ, SX);
		List<LibraryDirectory> libraries = List.of(
				TimestampedLdif.embedded(demo.library(ZJ.code()).orElseThrow(), ZJ),
				TimestampedLdif.embedded(demo.library(SX.code()).orElseThrow(), SX));
		this.properties = new DirectoryProperties(demo.identityHmacKey(), demo.zone(), false, libraries,
				demo.purgeAfter(), demo.safetyBrake(), false, demo.fullSyncInterval(), demo.incrementalInterval(),
				OVERLAP);
		this.directories = EmbeddedDirectories.start(libraries);
		this.database = this.testDatabase.empty();
		this.hasher = new ResidentIdHasher(this.properties.identityHmacKey());
		this.accounts = TestReaderAccounts.jdbc(this.database, this.hasher);
	}

	@AfterEach
	void stopDirectories() {
		this.connectors.forEach(AccountReader::close);
		this.directories.close();
	}

	@Test
	void runWhenEntriesChangedOrAddedThenOnlyThoseRead() throws LDAPException {
		Syncs syncs = syncs(embedded(ZJ));
		assertThat(syncs.full.run(ZJ.code()).counts().created()).isEqualTo(24);
		changeZj(this::connectEmbeddedZj);
		SyncResult result = syncs.incremental.run(ZJ.code());
		assertThat(result).extracting(SyncResult::kind, SyncResult::completed, (r) -> r.counts().read(), (r) -> r.counts().created(),
				(r) -> r.counts().updated(), (r) -> r.counts().unchanged(), (r) -> r.counts().failed(), (r) -> r.deletions().missing(),
				(r) -> r.deletions().suspended())
			.containsExactly(SyncKind.INCREMENTAL, true, 4, 1, 3, 0, 0, 0, 0);
		assertZjChangesStored();
	}

	@Test
	void runWhenRunAgainThenOverlapRereadsRecentEntriesWithoutDuplicates() throws LDAPException {
		Syncs syncs = syncs(embedded(ZJ));
		syncs.full.run(ZJ.code());
		changeZj(this::connectEmbeddedZj);
		syncs.incremental.run(ZJ.code());
		SyncResult again = syncs.incremental.run(ZJ.code());
		assertThat(again).extracting((r) -> r.counts().read(), (r) -> r.counts().created(), (r) -> r.counts().updated(), (r) -> r.counts().unchanged())
			.containsExactly(4, 0, 0, 4);
		assertThat(this.accounts.findByCardNumber("ZJ0100")).hasSize(1);
		assertThat(count("select count(*) from reader_account where library_code = 'zj'")).isEqualTo(25);
		assertThat(count("select count(*) from reader")).isEqualTo(25);
	}

	@Test
	void runWhenMarkPersistedThenNextRunStartsThereAfterARestart() throws LDAPException {
		Syncs first = syncs(embedded(ZJ));
		Instant beforeFull = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		SyncResult full = first.full.run(ZJ.code());
		// the embedded directory's clock is this JVM's: its time at the start of the run
		assertThat(full.highWaterMark()).isBetween(beforeFull, full.finished());
		assertThat(new JdbcSyncRuns(this.database).highWaterMark(ZJ.code()))
			.contains(HighWaterMark.at(full.highWaterMark()));
		Syncs restarted = syncs(embedded(ZJ));
		assertThat(restarted.incremental.run(ZJ.code())).extracting((r) -> r.counts().read(), (r) -> r.counts().unchanged())
			.containsExactly(0, 0);
		Instant beforeChange = Instant.now().minusSeconds(5);
		modifyEmbeddedZj(DemoReaders.reader(ZJ, "ZJ0003").dn(),
				new Modification(ModificationType.REPLACE, "displayName", "改名读者"));
		SyncResult changed = restarted.incremental.run(ZJ.code());
		assertThat(changed).extracting((r) -> r.counts().read(), (r) -> r.counts().updated()).containsExactly(1, 1);
		assertThat(changed.highWaterMark()).isAfter(beforeChange);
		JdbcSyncRuns runs = new JdbcSyncRuns(this.database);
		assertThat(runs.highWaterMark(ZJ.code())).map(HighWaterMark::timestamp).contains(changed.highWaterMark());
		assertThat(runs.find(changed.runId()).orElseThrow()).extracting(SyncResult::kind, (r) -> r.counts().read(),
				(r) -> r.counts().updated(), SyncResult::highWaterMark)
			.containsExactly(SyncKind.INCREMENTAL, 1, 1, changed.highWaterMark());
		assertThat(runs.latest(ZJ.code(), SyncKind.INCREMENTAL, 5)).extracting(SyncResult::runId)
			.hasSize(2)
			.first()
			.isEqualTo(changed.runId());
		assertThat(runs.latest(ZJ.code(), SyncKind.FULL, 5)).extracting(SyncResult::runId).containsExactly(full.runId());
		// read again within the overlap, not further back
		assertThat(restarted.incremental.run(ZJ.code())).extracting((r) -> r.counts().read(), (r) -> r.counts().unchanged())
			.containsExactly(1, 1);
	}

	/**
	 * A mark stored by the version before, whose incremental runs read back over the duration of
	 * the run that set it (the latest change timestamp read, with that run's duration): still read
	 * from there, then replaced by the directory's time.
	 */
	@Test
	void runWhenMarkStoredByEarlierVersionThenReadFromItsRunsStartAndReplaced() {
		Syncs syncs = syncs(embedded(ZJ));
		syncs.full.run(ZJ.code());
		JdbcClient.create(this.database)
			.sql("update sync_high_water_mark set high_water_mark = ?, run_duration_ms = ? where library_code = ?")
			.params(TimestampedLdif.last(ZJ).atOffset(ZoneOffset.UTC), Duration.ofHours(2).toMillis(), ZJ.code())
			.update();
		SyncResult result = syncs.incremental.run(ZJ.code());
		// the last three entries: 2 h back, and the overlap reaches the third
		assertThat(result).extracting((r) -> r.counts().read(), (r) -> r.counts().unchanged()).containsExactly(3, 3);
		assertThat(new JdbcSyncRuns(this.database).highWaterMark(ZJ.code()))
			.contains(HighWaterMark.at(result.highWaterMark()));
		assertThat(syncs.incremental.run(ZJ.code()).counts().read()).isZero();
	}

	/**
	 * With no overlap at all: an entry changed while the full run read, after the run had read it,
	 * is read by the next run, because the mark is the directory's time at the start of the run.
	 */
	@Test
	void runWhenEntryChangedDuringTheRunAfterItWasReadThenNextRunReadsIt() {
		String dn = DemoReaders.reader(ZJ, "ZJ0003").dn();
		ChangingDuringRead reader = new ChangingDuringRead(embedded(ZJ), 10, () -> {
			modifyEmbeddedZj(dn, new Modification(ModificationType.REPLACE, "displayName", "改名读者"));
			nextSecond(); // so a mark taken at the end of the run, not its start, would pass the change by
		});
		Syncs syncs = syncs(reader, (library) -> Duration.ZERO, System::nanoTime);
		SyncResult full = syncs.full.run(ZJ.code());
		assertThat(reader.changed()).isTrue();
		assertThat(full).extracting(SyncResult::completed, (r) -> r.counts().created()).containsExactly(true, 24);
		assertThat(only("ZJ0003").displayName()).isNotEqualTo("改名读者");
		SyncResult next = syncs.incremental.run(ZJ.code());
		assertThat(next).extracting((r) -> r.counts().read(), (r) -> r.counts().updated()).containsExactly(1, 1);
		assertThat(only("ZJ0003").displayName()).isEqualTo("改名读者");
	}

	/**
	 * slapd without its monitor backend cannot tell its time. The full run's mark is then the latest
	 * change timestamp it read less its duration (0 by the node's monotonic clock, a counter here), so
	 * the next run reads the entry at it again; an hour later by that clock, the mark has moved on an
	 * hour, and an idle directory costs nothing. A change is still read.
	 */
	@Test
	void runWhenSlapdCannotTellItsTimeThenMarkAdvancesWithTheElapsedTime() throws LDAPException {
		try (Slapd slapd = Slapd.builder(ZJ.suffix())
			.ldif(TimestampedLdif.of(ZJ))
			.databaseConfig("access to * by * read")
			.withoutMonitor()
			.start()) {
			LibraryDirectory config = DemoDirectories.at(this.properties.library(ZJ.code()).orElseThrow(),
					URI.create(slapd.url()));
			AtomicLong nanos = new AtomicLong();
			Syncs syncs = syncs(connector(config), this.properties::incrementalOverlap, nanos::get);
			assertThat(syncs.full.run(ZJ.code()).highWaterMark()).isEqualTo(TimestampedLdif.last(ZJ));
			assertThat(syncs.incremental.run(ZJ.code())).extracting((r) -> r.counts().read(), (r) -> r.counts().unchanged())
				.containsExactly(1, 1);
			nanos.addAndGet(Duration.ofHours(1).toNanos());
			SyncResult idle = syncs.incremental.run(ZJ.code());
			assertThat(idle).extracting((r) -> r.counts().read(), SyncResult::highWaterMark)
				.containsExactly(1, TimestampedLdif.last(ZJ).plusMillis(3_596_400));
			assertThat(syncs.incremental.run(ZJ.code()).counts().read()).isZero();
			changeZj(() -> new LDAPConnection("127.0.0.1", slapd.port(), slapd.rootDn(), slapd.rootPassword()));
			assertThat(syncs.incremental.run(ZJ.code())).extracting((r) -> r.counts().read(), (r) -> r.counts().created(),
					(r) -> r.counts().updated())
				.containsExactly(4, 1, 3);
			assertZjChangesStored();
		}
	}

	@Test
	void runWhenEntryDeletedThenAccountNotSuspended() throws LDAPException {
		Syncs syncs = syncs(embedded(ZJ));
		syncs.full.run(ZJ.code());
		try (LDAPConnection connection = connectEmbeddedZj()) {
			connection.delete(DemoReaders.reader(ZJ, "ZJ0005").dn());
		}
		SyncResult result = syncs.incremental.run(ZJ.code());
		assertThat(result).extracting((r) -> r.deletions().missing(), (r) -> r.deletions().suspended(), (r) -> r.deletions().purged(),
				(r) -> r.deletions().brakeReason())
			.containsExactly(0, 0, 0, null);
		assertThat(only("ZJ0005").status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(count("select count(*) from reader_account where missing_since is not null")).isZero();
		assertThat(syncs.full.run(ZJ.code()).deletions().suspended()).isEqualTo(1);
	}

	@Test
	void runWhenNoCompleteRunYetThenNotStarted() {
		Syncs syncs = syncs(embedded(ZJ));
		SyncResult result = syncs.incremental.run(ZJ.code());
		assertThat(result.runId()).isNull();
		assertThat(result.error()).contains("a full sync must complete first");
		assertThat(new JdbcSyncRuns(this.database).latest(ZJ.code(), 5)).isEmpty();
	}

	@Test
	void runWhenDirectoryDownThenErrorRecordedAndMarkKept() {
		Syncs syncs = syncs(embedded(ZJ));
		SyncResult full = syncs.full.run(ZJ.code());
		this.directories.stop(ZJ.code());
		SyncResult result = syncs.incremental.run(ZJ.code());
		assertThat(result).extracting(SyncResult::completed, (r) -> r.counts().read(), (r) -> r.deletions().suspended())
			.containsExactly(false, 0, 0);
		assertThat(result.error()).contains("unreachable");
		JdbcSyncRuns runs = new JdbcSyncRuns(this.database);
		assertThat(runs.find(result.runId()).orElseThrow()).extracting(SyncResult::kind, SyncResult::error)
			.containsExactly(SyncKind.INCREMENTAL, result.error());
		assertThat(runs.highWaterMark(ZJ.code())).contains(HighWaterMark.at(full.highWaterMark()));
	}

	@Test
	void confirmDeletionsWhenIncrementalRunsCameAfterTheBrakedRunThenStillConfirmable() throws LDAPException {
		Syncs syncs = syncs(embedded(ZJ));
		syncs.full.run(ZJ.code());
		try (LDAPConnection connection = connectEmbeddedZj()) {
			for (String card : List.of("ZJ0005", "ZJ0006", "ZJ0007")) {
				connection.delete(DemoReaders.reader(ZJ, card).dn());
			}
		}
		SyncResult braked = syncs.full.run(ZJ.code());
		assertThat(braked.deletions().brakeReason()).isEqualTo(BrakeReason.TOO_MANY_MISSING);
		assertThat(syncs.incremental.run(ZJ.code()).completed()).isTrue();
		assertThat(syncs.full.confirmDeletions(ZJ.code(), braked.runId()).deletions().suspended()).isEqualTo(3);
	}

	/**
	 * The embedded server does not maintain {@code whenChanged} (Active Directory does): the
	 * modifications set it, as AD would.
	 */
	@Test
	void runWhenActiveDirectoryEntriesChangedThenFoundByWhenChanged() throws LDAPException {
		Syncs syncs = syncs(embedded(SX));
		SyncResult full = syncs.full.run(SX.code());
		assertThat(full.highWaterMark()).isAfter(TimestampedLdif.last(SX));
		String now = WHEN_CHANGED.format(Instant.now());
		modifyEmbedded(SX, DemoReaders.reader(SX, "SX0003").dn(),
				new Modification(ModificationType.REPLACE, "displayName", "改名读者"),
				new Modification(ModificationType.REPLACE, "whenChanged", now));
		modifyEmbedded(SX, DemoReaders.reader(SX, "SX0004").dn(),
				new Modification(ModificationType.REPLACE, "userAccountControl", "514"),
				new Modification(ModificationType.REPLACE, "whenChanged", now));
		// changed without whenChanged: invisible to an incremental run, found by the next full one
		modifyEmbedded(SX, DemoReaders.reader(SX, "SX0005").dn(),
				new Modification(ModificationType.REPLACE, "displayName", "未记时间"));
		SyncResult result = syncs.incremental.run(SX.code());
		assertThat(result).extracting((r) -> r.counts().read(), (r) -> r.counts().created(), (r) -> r.counts().updated(), (r) -> r.counts().unchanged())
			.containsExactly(2, 0, 2, 0);
		assertThat(result.highWaterMark()).isAfterOrEqualTo(full.highWaterMark());
		assertThat(only("SX0003").displayName()).isEqualTo("改名读者");
		assertThat(only("SX0004").status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(only("SX0005").displayName()).isNotEqualTo("未记时间");
		assertThat(syncs.full.run(SX.code()).counts().updated()).isEqualTo(1);
	}

	/** slapd tells its time through its monitor backend ({@code cn=Current,cn=Time,cn=Monitor}). */
	@Test
	void runWhenSlapdEntriesChangedOrAddedThenOnlyThoseRead() throws LDAPException {
		try (Slapd slapd = Slapd.builder(ZJ.suffix())
			.ldif(TimestampedLdif.of(ZJ))
			.databaseConfig("access to * by * read")
			.start()) {
			LibraryDirectory config = DemoDirectories.at(this.properties.library(ZJ.code()).orElseThrow(),
					URI.create(slapd.url()));
			Syncs syncs = syncs(connector(config));
			// slapd's time is whole seconds of time(2), the kernel's coarse clock, which trails this JVM's
			// precise one by up to a tick (a few ms): at a second's turn it still tells the last second
			Instant beforeFull = Instant.now().minusMillis(50).truncatedTo(ChronoUnit.SECONDS);
			SyncResult full = syncs.full.run(ZJ.code());
			assertThat(full.counts().created()).isEqualTo(24);
			assertThat(full.highWaterMark()).isBetween(beforeFull, full.finished()); // slapd runs on this machine
			changeZj(() -> new LDAPConnection("127.0.0.1", slapd.port(), slapd.rootDn(), slapd.rootPassword()));
			SyncResult result = syncs.incremental.run(ZJ.code());
			assertThat(result).extracting(SyncResult::completed, (r) -> r.counts().read(), (r) -> r.counts().created(),
					(r) -> r.counts().updated(), (r) -> r.counts().unchanged(), (r) -> r.deletions().suspended())
				.containsExactly(true, 4, 1, 3, 0, 0);
			assertZjChangesStored();
			assertThat(result.highWaterMark()).isAfterOrEqualTo(full.highWaterMark());
		}
	}

	/** Display name of ZJ0003, ZJ0004 suspended, ZJ0005 expired, ZJ0100 new. */
	private static void changeZj(DirectoryConnection directory) throws LDAPException {
		try (LDAPConnection connection = directory.open()) {
			connection.modify(DemoReaders.reader(ZJ, "ZJ0003").dn(),
					new Modification(ModificationType.REPLACE, "displayName", "改名读者"));
			connection.modify(DemoReaders.reader(ZJ, "ZJ0004").dn(),
					new Modification(ModificationType.REPLACE, "readerStatus", "suspended"));
			connection.modify(DemoReaders.reader(ZJ, "ZJ0005").dn(),
					new Modification(ModificationType.REPLACE, "readerExpiry", "20250101235959+0800"));
			Entry added = new Entry("uid=ZJ0100,ou=readers," + ZJ.suffix());
			added.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson",
					"libraryReader");
			added.addAttribute("uid", "ZJ0100");
			added.addAttribute("cn", "新读者");
			added.addAttribute("sn", "新");
			added.addAttribute("displayName", "新读者");
			added.addAttribute("readerType", "adult");
			added.addAttribute("readerStatus", "active");
			connection.add(added);
		}
	}

	private void assertZjChangesStored() {
		assertThat(only("ZJ0003").displayName()).isEqualTo("改名读者");
		assertThat(only("ZJ0004").status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(only("ZJ0005").expiresOn()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(only("ZJ0005").isExpired(LocalDate.of(2026, 11, 25))).isTrue();
		ReaderAccount added = only("ZJ0100");
		assertThat(added.displayName()).isEqualTo("新读者");
		assertThat(this.accounts.findByReaderId(added.readerId())).containsExactly(added);
		assertThat(only("ZJ0006").displayName()).isEqualTo(DemoReaders.reader(ZJ, "ZJ0006").displayName());
	}

	private Syncs syncs(AccountReader connector) {
		return syncs(connector, this.properties::incrementalOverlap, System::nanoTime);
	}

	private Syncs syncs(AccountReader connector, Function<String, Duration> overlaps, LongSupplier nanoTime) {
		TestSyncEngines.Builder node = TestSyncEngines
			.node(List.of(connector), this.accounts, new JdbcSyncRuns(this.database))
			.hasher(this.hasher)
			.policy(new DeletionPolicy(0.1, Duration.ofDays(30)))
			.batchSize(7)
			.nanoTime(nanoTime);
		return new Syncs(node.full(), node.incremental(overlaps));
	}

	private AccountReader embedded(DemoLibrary library) {
		LibraryDirectory config = this.properties.library(library.code()).orElseThrow();
		return connector(DemoDirectories.at(config, URI.create(this.directories.url(library.code()).orElseThrow())));
	}

	private AccountReader connector(LibraryDirectory config) {
		AccountReader connector = TestLdapConnectors.create(config, config.urls(), this.properties.zone());
		this.connectors.add(connector);
		return connector;
	}

	private LDAPConnection connectEmbeddedZj() throws LDAPException {
		return connectEmbedded(ZJ);
	}

	private LDAPConnection connectEmbedded(DemoLibrary library) throws LDAPException {
		URI url = URI.create(this.directories.url(library.code()).orElseThrow());
		return new LDAPConnection(url.getHost(), url.getPort(), library.syncBindDn(), DemoLibrary.SYNC_PASSWORD);
	}

	private void modifyEmbeddedZj(String dn, Modification... modifications) {
		try {
			modifyEmbedded(ZJ, dn, modifications);
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void modifyEmbedded(DemoLibrary library, String dn, Modification... modifications) throws LDAPException {
		try (LDAPConnection connection = connectEmbedded(library)) {
			connection.modify(dn, modifications);
		}
	}

	/** Waits until this machine's clock (the embedded directory's) has turned to the next second. */
	private static void nextSecond() {
		long second = Instant.now().getEpochSecond();
		while (Instant.now().getEpochSecond() == second) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private ReaderAccount only(String cardNumber) {
		List<ReaderAccount> found = this.accounts.findByCardNumber(cardNumber);
		assertThat(found).as(cardNumber).hasSize(1);
		return found.get(0);
	}

	private long count(String sql) {
		return JdbcClient.create(this.database).sql(sql).query(Long.class).single();
	}

	private record Syncs(FullSync full, IncrementalSync incremental) {

	}

	/**
	 * A real LDAP connector (its clock included) whose full read changes the directory once, after
	 * handing over a number of entries.
	 */
	private static final class ChangingDuringRead implements AccountReader, ChangeReader, DirectoryClock {

		private final AccountReader connector;

		private final int after;

		private final Runnable change;

		private volatile boolean changed;

		ChangingDuringRead(AccountReader connector, int after, Runnable change) {
			this.connector = connector;
			this.after = after;
			this.change = change;
		}

		boolean changed() {
			return this.changed;
		}

		@Override
		public String library() {
			return this.connector.library();
		}

		@Override
		public void readAll(EntryHandler handler) throws DirectoryException {
			this.connector.readAll(new EntryHandler() {

				private int count;

				@Override
				public void entry(DirectoryEntry entry) {
					handler.entry(entry);
					if (++this.count == ChangingDuringRead.this.after) {
						ChangingDuringRead.this.change.run();
						ChangingDuringRead.this.changed = true;
					}
				}

				@Override
				public void malformed(String dn, String reason) {
					handler.malformed(dn, reason);
				}

				@Override
				public void malformed(String dn, String directoryId, String reason) {
					handler.malformed(dn, directoryId, reason);
				}

				@Override
				public void changedAt(Instant timestamp) {
					handler.changedAt(timestamp);
				}

			});
		}

		@Override
		public void readChangedSince(Instant since, EntryHandler handler) throws DirectoryException {
			((ChangeReader) this.connector).readChangedSince(since, handler);
		}

		@Override
		public Optional<Instant> currentTime() {
			return ((DirectoryClock) this.connector).currentTime();
		}

		@Override
		public void close() {
			this.connector.close();
		}

	}

	@FunctionalInterface
	private interface DirectoryConnection {

		LDAPConnection open() throws LDAPException;

	}

}

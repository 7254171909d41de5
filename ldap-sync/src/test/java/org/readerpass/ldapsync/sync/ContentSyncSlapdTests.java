package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.ldap.TestLdapConnectors;
import org.readerpass.ldapsync.directory.ChangeDetection;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.lease.SyncLease;
import org.readerpass.ldapsync.lease.TestSyncLeases;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.linking.TestReaderAccounts;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.DemoReaders;
import org.readerpass.ldapsync.testsupport.Slapd;
import org.readerpass.ldapsync.testsupport.TestDatabases;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

/**
 * RFC 4533 content sync against a real OpenLDAP slapd with syncprov, library zj (24 readers and
 * one malformed entry). With a session log slapd names deletions (delete phase); without one it
 * refreshes by the present phase, where the accounts it did not name are the missing ones.
 */
class ContentSyncSlapdTests {

	private static final DemoLibrary ZJ = DemoLibrary.ZJ;

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final List<AutoCloseable> closing = new ArrayList<>();

	private DirectoryProperties properties;

	private DataSource database;

	private ReaderAccountStore accounts;

	private ResidentIdHasher hasher;

	@BeforeEach
	void setUp() {
		this.properties = DemoDirectories.properties(ZJ);
		this.database = TestDatabases.h2();
		this.hasher = new ResidentIdHasher(this.properties.identityHmacKey());
		this.accounts = TestReaderAccounts.jdbc(this.database, this.hasher);
	}

	@AfterEach
	void tearDown() throws Exception {
		for (int i = this.closing.size() - 1; i >= 0; i--) {
			this.closing.get(i).close();
		}
	}

	@Test
	void refreshWhenEntriesAddedChangedAndDeletedThenWrittenAndDeletedOnesSuspended() throws LDAPException {
		Slapd slapd = slapd(true);
		Node node = node(slapd, ChangeDetection.CONTENT_SYNC, TestSyncLeases.inMemory(Clock.systemUTC()));
		assertThat(node.full.run(ZJ.code()).counts().created()).isEqualTo(24);
		assertThat(new JdbcSyncRuns(this.database).cookie(ZJ.code())).isPresent();
		try (LDAPConnection connection = connect(slapd)) {
			connection.modify(dn("ZJ0003"), new Modification(ModificationType.REPLACE, "displayName", "改名读者"));
			connection.modify(dn("ZJ0004"), new Modification(ModificationType.REPLACE, "readerStatus", "suspended"));
			connection.add(newReader("ZJ0100", "新读者"));
			connection.delete(dn("ZJ0006"));
		}
		SyncResult result = node.incremental.run(ZJ.code());
		assertThat(result).extracting(SyncResult::kind, SyncResult::completed, (r) -> r.counts().read(), (r) -> r.counts().created(),
				(r) -> r.counts().updated(), (r) -> r.deletions().missing(), (r) -> r.deletions().suspended(), (r) -> r.deletions().brakeReason())
			.containsExactly(SyncKind.INCREMENTAL, true, 3, 1, 2, 1, 1, null);
		assertThat(only("ZJ0003").displayName()).isEqualTo("改名读者");
		assertThat(only("ZJ0004").status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(only("ZJ0100").displayName()).isEqualTo("新读者");
		assertThat(only("ZJ0006").status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(count("select count(*) from reader_account where card_number = 'ZJ0006' and missing_since is not null"))
			.isEqualTo(1);
		SyncResult again = node.incremental.run(ZJ.code());
		assertThat(again).extracting(SyncResult::completed, (r) -> r.counts().read(), (r) -> r.deletions().suspended())
			.containsExactly(true, 0, 0);
	}

	@Test
	void refreshWhenNoSessionLogThenPresentPhaseFindsDeletedEntries() throws LDAPException {
		Slapd slapd = slapd(false);
		Node node = node(slapd, ChangeDetection.CONTENT_SYNC, TestSyncLeases.inMemory(Clock.systemUTC()));
		node.full.run(ZJ.code());
		try (LDAPConnection connection = connect(slapd)) {
			connection.modify(dn("ZJ0003"), new Modification(ModificationType.REPLACE, "displayName", "改名读者"));
			connection.delete(dn("ZJ0006"));
		}
		SyncResult result = node.incremental.run(ZJ.code());
		assertThat(result).extracting(SyncResult::completed, (r) -> r.counts().updated(), (r) -> r.deletions().missing(),
				(r) -> r.deletions().suspended(), (r) -> r.deletions().brakeReason())
			.containsExactly(true, 1, 1, 1, null);
		assertThat(only("ZJ0006").status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(only("ZJ0007").status()).isEqualTo(AccountStatus.ACTIVE);
	}

	@Test
	void refreshWhenMoreDeletedThanSafetyBrakeAllowsThenOnlyTheAllowedShareSuspendedAndBraked() throws LDAPException {
		Slapd slapd = slapd(true);
		Node node = node(slapd, ChangeDetection.CONTENT_SYNC, TestSyncLeases.inMemory(Clock.systemUTC()));
		node.full.run(ZJ.code()); // 24 accounts, 10 %: 2 deletions per run
		try (LDAPConnection connection = connect(slapd)) {
			for (String card : List.of("ZJ0006", "ZJ0007", "ZJ0008", "ZJ0009", "ZJ0010")) {
				connection.delete(dn(card));
			}
		}
		SyncResult result = node.incremental.run(ZJ.code());
		assertThat(result).extracting(SyncResult::completed, (r) -> r.deletions().missing(), (r) -> r.deletions().suspended(),
				(r) -> r.deletions().brakeReason())
			.containsExactly(true, 5, 2, BrakeReason.TOO_MANY_MISSING);
		assertThat(count("select count(*) from reader_account where status = 'SUSPENDED' and missing_since is not null"))
			.isEqualTo(2);
		SyncResult full = node.full.run(ZJ.code());
		assertThat(full).extracting((r) -> r.deletions().missing(), (r) -> r.deletions().suspended(), (r) -> r.deletions().brakeReason())
			.containsExactly(3, 0, BrakeReason.TOO_MANY_MISSING);
		assertThat(node.full.confirmDeletions(ZJ.code(), full.runId()).deletions().suspended()).isEqualTo(3);
	}

	@Test
	void refreshWhenNoFullRunYetThenNotStarted() {
		Node node = node(slapd(true), ChangeDetection.CONTENT_SYNC, TestSyncLeases.inMemory(Clock.systemUTC()));
		SyncResult result = node.incremental.run(ZJ.code());
		assertThat(result.runId()).isNull();
		assertThat(result.error()).isEqualTo("no content-sync cookie yet: a full sync must complete first");
	}

	@Test
	void refreshWhenCookieUnknownToDirectoryThenCookieForgottenAndRunStopped() {
		Slapd slapd = slapd(true);
		Node node = node(slapd, ChangeDetection.CONTENT_SYNC, TestSyncLeases.inMemory(Clock.systemUTC()));
		node.full.run(ZJ.code());
		JdbcSyncRuns runs = new JdbcSyncRuns(this.database);
		runs.saveCookie(ZJ.code(), "rid=000,csn=19700101000000.000000Z#000000#000#000000".getBytes(),
				java.util.UUID.randomUUID(), java.time.Instant.now());
		SyncResult result = node.incremental.run(ZJ.code());
		// slapd answers a cookie older than its session log either with e-syncRefreshRequired or with a
		// full present-phase refresh; either way nothing is lost
		if (!result.completed()) {
			assertThat(result.error()).contains("cookie forgotten");
			assertThat(runs.cookie(ZJ.code())).isEmpty();
		}
		else {
			assertThat(result.deletions().suspended()).isZero();
			assertThat(count("select count(*) from reader_account where status = 'ACTIVE'"))
				.isEqualTo(activeAfterFullRun());
		}
	}

	@Test
	void persistWhenEntryChangedThenVisibleWithinSecondsAndDeletionSuspends() throws Exception {
		Slapd slapd = slapd(true);
		Node node = node(slapd, ChangeDetection.CONTENT_SYNC_PERSIST, TestSyncLeases.inMemory(Clock.systemUTC()));
		ContentSyncStreams streams = streamingAfterFullRun(node);
		assertThat(node.engines.coordinator().runningSyncs().running(ZJ.code())).map(RunningSync::kind).contains(SyncKind.PERSIST);
		try (LDAPConnection connection = connect(slapd)) {
			connection.modify(dn("ZJ0003"), new Modification(ModificationType.REPLACE, "displayName", "改名读者"));
			awaitTrue(() -> "改名读者".equals(only("ZJ0003").displayName()));
			connection.delete(dn("ZJ0006"));
			awaitTrue(() -> only("ZJ0006").status() == AccountStatus.SUSPENDED);
			connection.add(newReader("ZJ0100", "新读者"));
			awaitTrue(() -> this.accounts.findByCardNumber("ZJ0100").size() == 1);
		}
		streams.close();
		List<SyncResult> persisted = new JdbcSyncRuns(this.database).latest(ZJ.code(), SyncKind.PERSIST, 5);
		assertThat(persisted).hasSize(1);
		assertThat(persisted.get(0)).extracting(SyncResult::completed, (r) -> r.counts().created(), (r) -> r.counts().updated(),
				(r) -> r.deletions().suspended())
			.containsExactly(true, 1, 1, 1);
	}

	@Test
	void persistWhenFullRunRequestedThenStreamStepsAsideAndResumesAfterIt() throws Exception {
		Slapd slapd = slapd(true);
		Node node = node(slapd, ChangeDetection.CONTENT_SYNC_PERSIST, TestSyncLeases.inMemory(Clock.systemUTC()));
		ContentSyncStreams streams = streamingAfterFullRun(node);
		SyncResult full = node.full.run(ZJ.code());
		assertThat(full.completed()).as(full.error()).isTrue();
		assertThat(full.counts().unchanged()).isEqualTo(24);
		awaitTrue(() -> streams.streaming(ZJ.code()));
		try (LDAPConnection connection = connect(slapd)) {
			connection.modify(dn("ZJ0003"), new Modification(ModificationType.REPLACE, "displayName", "全量之后"));
		}
		awaitTrue(() -> "全量之后".equals(only("ZJ0003").displayName()));
	}

	@Test
	void persistWhenDirectoryRestartsThenStreamReconnectsFromItsCookie() throws Exception {
		Slapd slapd = slapd(true);
		Node node = node(slapd, ChangeDetection.CONTENT_SYNC_PERSIST, TestSyncLeases.inMemory(Clock.systemUTC()));
		ContentSyncStreams streams = streamingAfterFullRun(node);
		slapd.stop();
		awaitTrue(() -> !streams.streaming(ZJ.code()));
		slapd.start();
		try (LDAPConnection connection = connect(slapd)) {
			connection.modify(dn("ZJ0003"), new Modification(ModificationType.REPLACE, "displayName", "重连之后"));
		}
		awaitTrue(() -> "重连之后".equals(only("ZJ0003").displayName()));
		List<SyncResult> persisted = new JdbcSyncRuns(this.database).latest(ZJ.code(), SyncKind.PERSIST, 5);
		assertThat(persisted).isNotEmpty();
		SyncResult broken = persisted.get(persisted.size() - 1); // the first session, ended by the directory
		assertThat(broken.completed()).isFalse();
		assertThat(broken.error()).startsWith("content sync of ou=readers," + ZJ.suffix() + " failed");
	}

	@Test
	void persistWhenTwoNodesThenOneStreamsAndTheOtherTakesOverWhenItStops() throws Exception {
		Slapd slapd = slapd(true);
		SyncLease lease = TestSyncLeases.inMemory(Clock.systemUTC());
		Node a = node(slapd, ChangeDetection.CONTENT_SYNC_PERSIST, lease);
		Node b = node(slapd, ChangeDetection.CONTENT_SYNC_PERSIST, lease);
		a.full.run(ZJ.code());
		ContentSyncStreams streamsA = streams(a);
		ContentSyncStreams streamsB = streams(b);
		streamsA.start(List.of(ZJ.code()));
		awaitTrue(() -> streamsA.streaming(ZJ.code()));
		streamsB.start(List.of(ZJ.code()));
		Thread.sleep(500); // B tries (back-off 50 ms) and is refused the lease
		assertThat(streamsB.streaming(ZJ.code())).isFalse();
		streamsA.close();
		awaitTrue(() -> streamsB.streaming(ZJ.code()));
		try (LDAPConnection connection = connect(slapd)) {
			connection.modify(dn("ZJ0003"), new Modification(ModificationType.REPLACE, "displayName", "换节点之后"));
		}
		awaitTrue(() -> "换节点之后".equals(only("ZJ0003").displayName()));
	}

	private Slapd slapd(boolean sessionLog) {
		Slapd.Builder builder = Slapd.builder(ZJ.suffix())
			.ldif(org.readerpass.ldapsync.testsupport.DemoLdif.of(ZJ))
			.databaseConfig("access to * by * read");
		if (sessionLog) {
			builder.syncprovConfig("syncprov-sessionlog 1000");
		}
		Slapd slapd = builder.start();
		this.closing.add(slapd);
		return slapd;
	}

	private Node node(Slapd slapd, ChangeDetection changeDetection, SyncLease lease) {
		LibraryDirectory config = DemoDirectories.changeDetection(
				DemoDirectories.at(this.properties.library(ZJ.code()).orElseThrow(), URI.create(slapd.url())),
				changeDetection);
		AccountReader connector = TestLdapConnectors.create(config, config.urls(), this.properties.zone());
		this.closing.add(connector);
		TestSyncEngines.Builder node = TestSyncEngines
			.node(List.of(connector), this.accounts, new JdbcSyncRuns(this.database))
			.hasher(this.hasher)
			.policy(new DeletionPolicy(0.1, Duration.ofDays(30)))
			.batchSize(7)
			.lease(lease, Duration.ofSeconds(30));
		return new Node(node, node.full(), node.incremental(this.properties::incrementalOverlap));
	}

	/** A full run (which stores the cookie), then the library's stream, once it streams. */
	private ContentSyncStreams streamingAfterFullRun(Node node) throws InterruptedException {
		node.full.run(ZJ.code());
		ContentSyncStreams streams = streams(node);
		streams.start(List.of(ZJ.code()));
		awaitTrue(() -> streams.streaming(ZJ.code()));
		return streams;
	}

	private ContentSyncStreams streams(Node node) {
		ContentSyncStreams streams = node.engines.streams(Duration.ofMillis(50), Duration.ofMillis(200));
		this.closing.add(streams);
		return streams;
	}

	private static LDAPConnection connect(Slapd slapd) throws LDAPException {
		return new LDAPConnection("127.0.0.1", slapd.port(), slapd.rootDn(), slapd.rootPassword());
	}

	private static String dn(String card) {
		return DemoReaders.reader(ZJ, card).dn();
	}

	private static Entry newReader(String card, String name) {
		Entry added = new Entry("uid=" + card + ",ou=readers," + ZJ.suffix());
		added.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "libraryReader");
		added.addAttribute("uid", card);
		added.addAttribute("cn", name);
		added.addAttribute("sn", name.substring(0, 1));
		added.addAttribute("displayName", name);
		added.addAttribute("readerType", "adult");
		added.addAttribute("readerStatus", "active");
		return added;
	}

	private long activeAfterFullRun() {
		return DemoReaders.of(ZJ).stream().filter((reader) -> reader.status() == AccountStatus.ACTIVE).count();
	}

	private ReaderAccount only(String cardNumber) {
		List<ReaderAccount> found = this.accounts.findByCardNumber(cardNumber);
		assertThat(found).as(cardNumber).hasSize(1);
		return found.get(0);
	}

	private long count(String sql) {
		return org.springframework.jdbc.core.simple.JdbcClient.create(this.database).sql(sql).query(Long.class).single();
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + WAIT);
			}
			Thread.sleep(20);
		}
	}

	private record Node(TestSyncEngines.Builder engines, FullSync full, IncrementalSync incremental) {

	}

}

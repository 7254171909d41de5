package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.DirectoryAccount;
import org.readerpass.ldapsync.account.MissingAccounts;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.account.ReaderAccountWriter;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.ldap.TestLdapConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.linking.TestReaderAccounts;
import org.readerpass.ldapsync.testsupport.MutableClock;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLdif;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.DemoReaders;
import org.readerpass.ldapsync.testsupport.OnH2AndPostgres;
import org.readerpass.ldapsync.testsupport.Slapd;
import org.readerpass.ldapsync.testsupport.TestDatabase;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts that leave the directory (suspension, purge, restore), the safety brake for every
 * early end and for too many missing accounts, the admin's confirmation, and the run records, the
 * same checks on H2 and on PostgreSQL ({@link OnH2AndPostgres}). Library zj (24 readers, pages of
 * 10) on an embedded directory; zj.sx beside it for a reader linked across libraries.
 */
@OnH2AndPostgres
class FullSyncDeletionsContractTests {

	private static final DemoLibrary ZJ = DemoLibrary.ZJ;

	private static final Duration PURGE_AFTER = Duration.ofDays(30);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));

	private DirectoryProperties properties;

	private EmbeddedDirectories directories;

	private List<AccountReader> readers;

	private ReaderAccountStore accounts;

	private JdbcSyncRuns runs;

	private ResidentIdHasher hasher;

	private final TestDatabase testDatabase;

	private DataSource database;

	FullSyncDeletionsContractTests(TestDatabase database) {
		this.testDatabase = database;
	}

	@BeforeEach
	void startDirectories() {
		this.properties = DemoDirectories.properties(DemoLibrary.ZJ, DemoLibrary.SX);
		this.directories = EmbeddedDirectories.start(this.properties);
		this.readers = new ArrayList<>();
		this.database = this.testDatabase.empty();
		this.hasher = new ResidentIdHasher(this.properties.identityHmacKey());
		this.accounts = TestReaderAccounts.jdbc(this.database, this.hasher);
		this.runs = new JdbcSyncRuns(this.database);
	}

	@AfterEach
	void stopDirectories() {
		this.readers.forEach(AccountReader::close);
		this.directories.close();
	}

	@Test
	void runWhenReaderLeftDirectoryThenSuspendedAtOnceAndMissingSinceRecorded() throws LDAPException {
		FullSync sync = sync();
		run(sync, ZJ.code());
		ReaderAccount before = only("ZJ0005");
		delete("ZJ0005");
		SyncResult result = run(sync, ZJ.code());
		assertThat(result).extracting(SyncResult::completed, SyncResult::braked, (r) -> r.deletions().missing(),
				(r) -> r.deletions().suspended(), (r) -> r.counts().unchanged(), (r) -> r.deletions().purged())
			.containsExactly(true, false, 1, 1, 23, 0);
		ReaderAccount after = only("ZJ0005");
		assertThat(before.status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(after.status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(after.id()).isEqualTo(before.id());
		assertThat(missingSince("ZJ0005")).isEqualTo(result.finished());
		assertThat(missingSince("ZJ0006")).isNull();
		assertThat(run(sync, ZJ.code())).extracting((r) -> r.deletions().missing(), (r) -> r.deletions().suspended(), (r) -> r.counts().unchanged())
			.containsExactly(0, 0, 23);
		assertThat(missingSince("ZJ0005")).isEqualTo(result.finished());
	}

	@Test
	void runWhenEntryBecameMalformedThenSkippedButAccountNotMissing() throws LDAPException {
		FullSync sync = sync();
		run(sync, ZJ.code());
		modify(DemoReaders.reader(ZJ, "ZJ0005").dn(), new Modification(ModificationType.ADD, "uid", "ZJ0005B"));
		SyncResult result = run(sync, ZJ.code());
		assertThat(result).extracting((r) -> r.counts().failed(), (r) -> r.deletions().missing(), (r) -> r.deletions().suspended())
			.containsExactly(1, 0, 0);
		assertThat(result.counts().failures()).containsExactly(DemoReaders.reader(ZJ, "ZJ0005").dn() + ": uid has 2 values");
		assertThat(only("ZJ0005").status()).isEqualTo(AccountStatus.ACTIVE);
		this.clock.advance(PURGE_AFTER.plusDays(1));
		assertThat(run(sync, ZJ.code())).extracting((r) -> r.deletions().missing(), (r) -> r.deletions().purged()).containsExactly(0, 0);
	}

	@Test
	void runWhenMissingLongerThanGracePeriodThenPurgedAndReaderDeletedWhenNoAccountLeft() throws LDAPException {
		FullSync sync = sync();
		run(sync, ZJ.code());
		run(sync, DemoLibrary.SX.code());
		UUID alone = only("ZJ0005").readerId();
		UUID linked = only("ZJ0002").readerId();
		assertThat(only("SX0002").readerId()).isEqualTo(linked);
		delete("ZJ0005");
		delete("ZJ0002");
		assertThat(run(sync, ZJ.code()).deletions().suspended()).isEqualTo(2);
		this.clock.advance(PURGE_AFTER.minusHours(1));
		assertThat(run(sync, ZJ.code()).deletions().purged()).isZero();
		assertThat(this.accounts.findByCardNumber("ZJ0005")).hasSize(1);
		this.clock.advance(Duration.ofHours(2));
		SyncResult purging = run(sync, ZJ.code());
		assertThat(purging).extracting((r) -> r.deletions().purged(), (r) -> r.deletions().missing(), (r) -> r.counts().unchanged())
			.containsExactly(2, 0, 22);
		assertThat(this.accounts.findByCardNumber("ZJ0005")).isEmpty();
		assertThat(this.accounts.findByCardNumber("ZJ0002")).isEmpty();
		assertThat(readerExists(alone)).isFalse();
		assertThat(readerExists(linked)).isTrue();
		assertThat(this.accounts.findByReaderId(linked)).extracting(ReaderAccount::cardNumber).containsExactly("SX0002");
	}

	@Test
	void runWhenMissingAccountReturnsThenRestoredWithSameIdsAndDirectoryStatus() throws LDAPException {
		FullSync sync = sync();
		run(sync, ZJ.code());
		ReaderAccount before = only("ZJ0005");
		moveOutOfBase("ZJ0005");
		run(sync, ZJ.code());
		assertThat(only("ZJ0005").status()).isEqualTo(AccountStatus.SUSPENDED);
		moveBack("ZJ0005");
		SyncResult result = run(sync, ZJ.code());
		assertThat(result).extracting((r) -> r.deletions().restored(), (r) -> r.counts().updated(), (r) -> r.counts().unchanged(),
				(r) -> r.deletions().missing(), (r) -> r.counts().created())
			.containsExactly(1, 0, 23, 0, 0);
		assertThat(only("ZJ0005")).isEqualTo(before);
		assertThat(missingSince("ZJ0005")).isNull();
	}

	@Test
	void runWhenReturningAccountSuspendedInDirectoryThenRestoredAsSuspendedAndNoLongerMissing()
			throws LDAPException {
		FullSync sync = sync();
		run(sync, ZJ.code());
		moveOutOfBase("ZJ0005");
		run(sync, ZJ.code());
		modify(dnOutOfBase("ZJ0005"), new Modification(ModificationType.REPLACE, "readerStatus", "suspended"));
		moveBack("ZJ0005");
		assertThat(run(sync, ZJ.code()).deletions().restored()).isEqualTo(1);
		assertThat(only("ZJ0005").status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(missingSince("ZJ0005")).isNull();
		this.clock.advance(PURGE_AFTER.plusDays(1));
		assertThat(run(sync, ZJ.code()).deletions().purged()).isZero();
	}

	@Test
	void runWhenMoreMissingThanSafetyBrakeThenNobodySuspendedAndReasonReported() throws LDAPException {
		FullSync sync = sync();
		run(sync, ZJ.code());
		delete("ZJ0005");
		delete("ZJ0006");
		delete("ZJ0007"); // 3 of 24 = 12.5% > 10%
		SyncResult braked = run(sync, ZJ.code());
		assertThat(braked).extracting(SyncResult::completed, (r) -> r.deletions().brakeReason(), (r) -> r.deletions().missing(),
				(r) -> r.deletions().suspended())
			.containsExactly(true, BrakeReason.TOO_MANY_MISSING, 3, 0);
		assertThat(only("ZJ0005").status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(missingSince("ZJ0005")).isNull();
		assertThat(run(sync, ZJ.code()).deletions().brakeReason()).isEqualTo(BrakeReason.TOO_MANY_MISSING);
	}

	@Test
	void confirmDeletionsWhenBrakedForTooManyMissingThenSuspended() throws LDAPException {
		FullSync sync = sync();
		run(sync, ZJ.code());
		delete("ZJ0005");
		delete("ZJ0006");
		delete("ZJ0007");
		SyncResult braked = run(sync, ZJ.code());
		this.clock.advance(Duration.ofMinutes(1));
		SyncResult confirmed = sync.confirmDeletions(ZJ.code(), braked.runId());
		assertThat(confirmed).extracting(SyncResult::braked, (r) -> r.deletions().missing(), (r) -> r.deletions().suspended(),
				SyncResult::confirmsRun)
			.containsExactly(false, 3, 3, braked.runId());
		assertThat(only("ZJ0005").status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(only("ZJ0008").status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(this.runs.find(confirmed.runId())).contains(confirmed);
	}

	@Test
	void confirmDeletionsWhenMoreMissingThanConfirmedThenBrakedAgain() throws LDAPException {
		FullSync sync = sync();
		run(sync, ZJ.code());
		delete("ZJ0005");
		delete("ZJ0006");
		delete("ZJ0007");
		SyncResult braked = run(sync, ZJ.code());
		delete("ZJ0008");
		this.clock.advance(Duration.ofMinutes(1));
		SyncResult again = sync.confirmDeletions(ZJ.code(), braked.runId());
		assertThat(again).extracting((r) -> r.deletions().brakeReason(), (r) -> r.deletions().missing(), (r) -> r.deletions().suspended())
			.containsExactly(BrakeReason.TOO_MANY_MISSING, 4, 0);
	}

	@Test
	void confirmDeletionsWhenRunNotBrakedOrNotLatestThenRefused() throws LDAPException {
		FullSync sync = sync();
		SyncResult ordinary = run(sync, ZJ.code());
		assertThatIllegalStateException().isThrownBy(() -> sync.confirmDeletions(ZJ.code(), ordinary.runId()))
			.withMessageContaining("not braked");
		delete("ZJ0005");
		delete("ZJ0006");
		delete("ZJ0007");
		SyncResult braked = run(sync, ZJ.code());
		run(sync, ZJ.code());
		assertThatIllegalStateException().isThrownBy(() -> sync.confirmDeletions(ZJ.code(), braked.runId()))
			.withMessageContaining("latest");
		assertThatIllegalStateException().isThrownBy(() -> sync.confirmDeletions(ZJ.code(), UUID.randomUUID()));
		assertThat(only("ZJ0005").status()).isEqualTo(AccountStatus.ACTIVE);
	}

	@Test
	void runWhenDirectoryAnswersEmptyThenNobodySuspendedUntilConfirmed() throws LDAPException {
		FullSync sync = sync();
		run(sync, ZJ.code());
		deleteAllReaders();
		SyncResult braked = run(sync, ZJ.code());
		assertThat(braked).extracting(SyncResult::completed, (r) -> r.counts().read(), (r) -> r.deletions().brakeReason(),
				(r) -> r.deletions().missing(), (r) -> r.deletions().suspended())
			.containsExactly(true, 0, BrakeReason.EMPTY_RESULT, 24, 0);
		assertThat(only("ZJ0005").status()).isEqualTo(AccountStatus.ACTIVE);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(sync.confirmDeletions(ZJ.code(), braked.runId()).deletions().suspended()).isEqualTo(24);
		assertThat(only("ZJ0005").status()).isEqualTo(AccountStatus.SUSPENDED);
	}

	@Test
	void runWhenBaseDnMissingThenBrakedAndAccountsKept() throws LDAPException {
		FullSync sync = sync();
		run(sync, ZJ.code());
		try (LDAPConnection connection = connect()) {
			connection.modifyDN(new ModifyDNRequest(ZJ.baseDn(), "ou=readers-archived", true));
		}
		SyncResult result = run(sync, ZJ.code());
		assertThat(result).extracting(SyncResult::completed, (r) -> r.deletions().brakeReason(), (r) -> r.deletions().suspended())
			.containsExactly(false, BrakeReason.BASE_DN_MISSING, 0);
		assertThat(result.error()).contains("no such object");
		assertAllZjActive();
	}

	@Test
	void runWhenConnectionLostMidRunThenBrakedAndAccountsKept() throws LDAPException {
		run(sync(), ZJ.code());
		FullSync stopping = sync(new HookedReader(connector(ZJ.code()), 3, () -> this.directories.stop(ZJ.code())));
		SyncResult result = run(stopping, ZJ.code());
		assertThat(result).extracting(SyncResult::completed, (r) -> r.deletions().brakeReason(), (r) -> r.deletions().suspended(),
				(r) -> r.deletions().missing())
			.containsExactly(false, BrakeReason.CONNECTION_LOST, 0, 0);
		assertThat(result.counts().read()).isBetween(3, 23);
		assertAllZjActive();
	}

	@Test
	void runWhenSizeLimitExceededThenBrakedAndAccountsKept() {
		run(sync(), ZJ.code());
		String syncDn = ZJ.syncBindDn();
		try (Slapd slapd = Slapd.builder(ZJ.suffix())
			.ldif(DemoLdif.of(ZJ))
			// 15 entries in all, whatever the paging: the directory stops the search before its end
			.databaseConfig("limits dn.exact=\"" + syncDn + "\" size.soft=10 size.hard=10 size.pr=10 size.prtotal=15")
			.databaseConfig("access to * by * read")
			.start()) {
			LibraryDirectory limited = DemoDirectories.at(DemoDirectories.library(ZJ), URI.create(slapd.url()));
			AccountReader reader = TestLdapConnectors.create(limited, limited.urls(), this.properties.zone());
			this.readers.add(reader);
			SyncResult result = run(sync(reader), ZJ.code());
			assertThat(result).extracting(SyncResult::completed, (r) -> r.deletions().brakeReason(), (r) -> r.deletions().suspended())
				.containsExactly(false, BrakeReason.SIZE_LIMIT_EXCEEDED, 0);
			assertThat(result.counts().read()).isEqualTo(15);
			assertThat(result.error()).contains("size limit exceeded");
		}
		assertAllZjActive();
	}

	@Test
	void runWhenDirectoryUnreachableThenBrakedAndRecorded() {
		run(sync(), ZJ.code());
		this.directories.stop(ZJ.code());
		SyncResult result = run(sync(), ZJ.code());
		assertThat(result.deletions().brakeReason()).isEqualTo(BrakeReason.DIRECTORY_UNREACHABLE);
		assertThat(this.runs.latest(ZJ.code(), 1)).containsExactly(result);
		assertAllZjActive();
	}

	@Test
	void runWhenDatabaseWriteFailsMidRunThenRunFailedNothingMoreWrittenAndNobodySuspended() throws LDAPException {
		run(sync(), ZJ.code());
		delete("ZJ0005");
		modify(DemoReaders.reader(ZJ, "ZJ0020").dn(), new Modification(ModificationType.REPLACE, "displayName", "Changed"));
		FailingAfterFirstWrite failing = new FailingAfterFirstWrite(this.accounts);
		FullSync sync = engines(List.of(connector(ZJ.code())), failing).full();

		SyncResult result = run(sync, ZJ.code());

		assertThat(result.deletions().brakeReason()).isEqualTo(BrakeReason.RUN_FAILED);
		assertThat(result.error()).contains("database gone");
		assertThat(result.deletions().suspended()).isZero();
		// batch 2 fails; batch 3 may be being written at the same time; nothing is handed over after
		assertThat(failing.writes).isBetween(2, LibrarySyncCoordinator.WRITERS_PER_RUN + 1);
		assertThat(this.runs.latest(ZJ.code(), 1)).containsExactly(result);
		assertThat(only("ZJ0020").displayName()).isNotEqualTo("Changed"); // not in the first batch: never written
		assertAllZjActive();
	}

	/** The accounts, but every batch after the first fails as with a lost database connection. */
	private static final class FailingAfterFirstWrite implements ReaderAccountWriter, MissingAccounts {

		private final ReaderAccountStore accounts;

		private int writes;

		FailingAfterFirstWrite(ReaderAccountStore accounts) {
			this.accounts = accounts;
		}

		@Override
		public synchronized WriteCounts write(List<DirectoryAccount> batch, Instant syncedAt, UUID runId,
				Set<String> invalidResidentIds) {
			if (++this.writes > 1) {
				throw new IllegalStateException("database gone");
			}
			return this.accounts.write(batch, syncedAt, runId, invalidResidentIds);
		}

		@Override
		public WriteCounts write(List<DirectoryAccount> batch, Instant syncedAt, UUID runId) {
			return write(batch, syncedAt, runId, Set.of());
		}

		@Override
		public void markSeen(String libraryCode, List<String> directoryIds, Instant at, UUID runId) {
			this.accounts.markSeen(libraryCode, directoryIds, at, runId);
		}

		@Override
		public int countPresent(String libraryCode) {
			return this.accounts.countPresent(libraryCode);
		}

		@Override
		public int countUnseen(String libraryCode, UUID runId) {
			return this.accounts.countUnseen(libraryCode, runId);
		}

		@Override
		public int suspendUnseen(String libraryCode, UUID runId, Instant at) {
			return this.accounts.suspendUnseen(libraryCode, runId, at);
		}

		@Override
		public int suspendDeleted(String libraryCode, List<String> directoryIds, Instant at) {
			return this.accounts.suspendDeleted(libraryCode, directoryIds, at);
		}

		@Override
		public int purgeMissingBefore(String libraryCode, Instant cutoff) {
			return this.accounts.purgeMissingBefore(libraryCode, cutoff);
		}

	}

	@Test
	void latestWhenRunsRecordedThenNewestFirstWithCountsAndFailures() throws LDAPException {
		FullSync sync = sync();
		SyncResult first = run(sync, ZJ.code());
		delete("ZJ0005");
		SyncResult second = run(sync, ZJ.code());
		run(sync, DemoLibrary.SX.code());
		assertThat(this.runs.latest(ZJ.code(), 10)).containsExactly(second, first);
		assertThat(this.runs.latest(ZJ.code(), 1)).containsExactly(second);
		assertThat(second).extracting((r) -> r.counts().read(), (r) -> r.counts().created(), (r) -> r.counts().unchanged(),
				(r) -> r.deletions().suspended(), (r) -> r.counts().failed())
			.containsExactly(23, 0, 23, 1, 0);
		assertThat(this.runs.find(first.runId())).contains(first);
		assertThat(this.runs.find(UUID.randomUUID())).isEmpty();
		SyncResult withFailures = new SyncResult(UUID.randomUUID(), "zj.sx.jinghu", SyncKind.FULL,
				this.clock.instant(), this.clock.instant(),
				new SyncResult.Counts(25, 24, 0, 0, 1,
						List.of("cn=JH-UNNUMBERED-01,ou=readers,dc=jinghu,dc=lib,dc=zj,dc=cn: missing uid")),
				"search failed", new SyncResult.Deletions(0, 0, 0, 0, BrakeReason.RUN_FAILED), null, null);
		this.runs.record(withFailures);
		assertThat(this.runs.latest("zj.sx.jinghu", 5)).containsExactly(withFailures);
	}

	private FullSync sync(AccountReader... readers) {
		List<AccountReader> connectors = new ArrayList<>(List.of(readers));
		for (LibraryDirectory library : this.properties.libraries()) {
			if (connectors.stream().noneMatch((reader) -> reader.library().equals(library.library()))) {
				connectors.add(connector(library.library()));
			}
		}
		return engines(connectors, this.accounts).full();
	}

	/** A node of its own over these connectors: brake at 10%, purge after 30 days, batches of 7. */
	private <A extends ReaderAccountWriter & MissingAccounts> TestSyncEngines.Builder engines(
			List<? extends AccountReader> connectors, A accounts) {
		return TestSyncEngines.node(connectors, accounts, this.runs)
			.hasher(this.hasher)
			.policy(new DeletionPolicy(0.1, PURGE_AFTER))
			.clock(this.clock)
			.batchSize(7);
	}

	private AccountReader connector(String library) {
		AccountReader connector = TestLdapConnectors.create(this.properties.library(library).orElseThrow(),
				List.of(URI.create(this.directories.url(library).orElseThrow())), this.properties.zone());
		this.readers.add(connector);
		return connector;
	}

	/** A run a minute after the one before (run records are ordered by their start). */
	private SyncResult run(FullSync sync, String library) {
		this.clock.advance(Duration.ofMinutes(1));
		return sync.run(library);
	}

	private ReaderAccount only(String cardNumber) {
		List<ReaderAccount> found = this.accounts.findByCardNumber(cardNumber);
		assertThat(found).as(cardNumber).hasSize(1);
		return found.get(0);
	}

	private void assertAllZjActive() {
		for (int i = 1; i <= DemoReaders.ORDINARY_READERS; i++) {
			String card = String.format("ZJ%04d", i);
			assertThat(missingSince(card)).as(card).isNull();
		}
		assertThat(only("ZJ0005").status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(JdbcClient.create(this.database)
			.sql("select count(*) from reader_account where library_code = 'zj' and missing_since is null")
			.query(Integer.class)
			.single()).isEqualTo(24);
	}

	private Instant missingSince(String cardNumber) {
		List<OffsetDateTime> found = JdbcClient.create(this.database)
			.sql("select missing_since from reader_account where card_number = ?")
			.param(cardNumber)
			.query((rs, rowNum) -> rs.getObject(1, OffsetDateTime.class))
			.list();
		assertThat(found).as(cardNumber).hasSize(1);
		return (found.get(0) != null) ? found.get(0).toInstant() : null;
	}

	private boolean readerExists(UUID readerId) {
		return JdbcClient.create(this.database)
			.sql("select count(*) from reader where id = ?")
			.param(readerId)
			.query(Integer.class)
			.single() == 1;
	}

	private LDAPConnection connect() throws LDAPException {
		URI url = URI.create(this.directories.url(ZJ.code()).orElseThrow());
		return new LDAPConnection(url.getHost(), url.getPort(), ZJ.syncBindDn(), DemoLibrary.SYNC_PASSWORD);
	}

	private void delete(String cardNumber) throws LDAPException {
		try (LDAPConnection connection = connect()) {
			connection.delete(DemoReaders.reader(ZJ, cardNumber).dn());
		}
	}

	private void deleteAllReaders() throws LDAPException {
		try (LDAPConnection connection = connect()) {
			for (SearchResultEntry entry : connection.search(ZJ.baseDn(), SearchScope.ONE, "(objectClass=*)", "1.1")
				.getSearchEntries()) {
				connection.delete(entry.getDN());
			}
		}
	}

	private String dnOutOfBase(String cardNumber) {
		return "uid=" + cardNumber + "," + ZJ.suffix();
	}

	/** Moves the entry out of the searched subtree, keeping its entryUUID. */
	private void moveOutOfBase(String cardNumber) throws LDAPException {
		try (LDAPConnection connection = connect()) {
			connection.modifyDN(DemoReaders.reader(ZJ, cardNumber).dn(), "uid=" + cardNumber, true, ZJ.suffix());
		}
	}

	private void moveBack(String cardNumber) throws LDAPException {
		try (LDAPConnection connection = connect()) {
			connection.modifyDN(dnOutOfBase(cardNumber), "uid=" + cardNumber, true, ZJ.baseDn());
		}
	}

	private void modify(String dn, Modification... modifications) throws LDAPException {
		try (LDAPConnection connection = connect()) {
			connection.modify(dn, modifications);
		}
	}

}

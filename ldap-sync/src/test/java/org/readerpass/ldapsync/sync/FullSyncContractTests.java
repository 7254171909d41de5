package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.connector.ldap.TestLdapConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.linking.TestReaderAccounts;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.DemoReader;
import org.readerpass.ldapsync.testsupport.DemoReaders;
import org.readerpass.ldapsync.testsupport.OnH2AndPostgres;
import org.readerpass.ldapsync.testsupport.TestDatabase;
import org.readerpass.policy.reader.VerificationLevel;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Full sync of the nine demo directories into a database, the same checks on H2 and on
 * PostgreSQL ({@link OnH2AndPostgres}). Batches of 7 so that every library takes several.
 */
@OnH2AndPostgres
class FullSyncContractTests {

	private static final int BATCH_SIZE = 7;

	private final TestDatabase database;

	private EmbeddedDirectories directories;

	private DirectoryConnectors connectors;

	private ReaderAccountStore accounts;

	private LibrarySyncCoordinator coordinator;

	private FullSync sync;

	FullSyncContractTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void startDirectories() {
		DirectoryProperties properties = DemoDirectories.properties();
		this.directories = EmbeddedDirectories.start(properties);
		this.connectors = TestLdapConnectors.embedded(properties, this.directories);
		ResidentIdHasher hasher = new ResidentIdHasher(properties.identityHmacKey());
		DataSource database = this.database.empty();
		this.accounts = TestReaderAccounts.jdbc(database, hasher);
		this.coordinator = TestSyncEngines.node(this.connectors, this.accounts, new JdbcSyncRuns(database))
			.hasher(hasher)
			.policies(DeletionPolicy.from(properties))
			.batchSize(BATCH_SIZE)
			.coordinator();
		this.sync = new DirectoryFullSync(this.coordinator);
	}

	@AfterEach
	void stopDirectories() {
		this.coordinator.close();
		this.connectors.close();
		this.directories.close();
	}

	@Test
	void runAllWhenDatabaseEmptyThenEveryReaderCreated() {
		List<SyncResult> results = this.sync.runAll();
		assertThat(results).extracting(SyncResult::libraryCode)
			.containsExactly("zj", "zj.sx", "zj.sx.zhuji", "zj.sx.shangyu", "zj.sx.shengzhou", "zj.sx.keqiao",
					"zj.sx.xinchang", "zj.sx.yuecheng", "zj.sx.jinghu");
		for (SyncResult result : results) {
			List<DemoReader> readers = DemoReaders.of(DemoLibrary.of(result.libraryCode()));
			int malformed = (int) readers.stream().filter(DemoReader::isMalformed).count();
			assertThat(result.error()).as(result.libraryCode()).isNull();
			assertThat(result).as(result.libraryCode())
				.extracting((r) -> r.counts().read(), (r) -> r.counts().created(), (r) -> r.counts().updated(), (r) -> r.counts().unchanged(),
						(r) -> r.counts().failed())
				.containsExactly(readers.size(), readers.size() - malformed, 0, 0, malformed);
			assertThat(result.finished()).isAfterOrEqualTo(result.started());
		}
		assertThat(results.get(0)).extracting((r) -> r.counts().read(), (r) -> r.counts().created()).containsExactly(24, 24);
	}

	@Test
	void runAllWhenDatabaseEmptyThenAccountsHoldTheDirectoryData() {
		this.sync.runAll();
		for (DemoReader reader : DemoReaders.all()) {
			if (reader.isMalformed()) {
				continue;
			}
			ReaderAccount account = this.accounts.findByCardNumber(reader.cardNumber())
				.stream()
				.filter((a) -> a.libraryCode().equals(reader.library().code()))
				.findFirst()
				.orElseThrow();
			assertThat(account).as(reader.cardNumber())
				.extracting(ReaderAccount::directoryId, ReaderAccount::dn, ReaderAccount::displayName,
						ReaderAccount::readerType, ReaderAccount::status, ReaderAccount::expiresOn, ReaderAccount::phone,
						ReaderAccount::email)
				.containsExactly(reader.directoryId().toString(), reader.dn(), reader.displayName(),
						reader.readerType(), reader.status(), reader.expiresOn(), reader.phone(), reader.email());
		}
	}

	@Test
	void runAllWhenSpecialReadersThenStatusAndExpiryAsInDirectory() {
		this.sync.runAll();
		LocalDate today = LocalDate.of(2026, 11, 25);
		assertThat(only("ZJ0019").isExpired(today)).isTrue();
		assertThat(only("ZJ0019").expiresOn()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(only("ZJ0001").isExpired(today)).isFalse();
		assertThat(only("ZJ0001").displayName()).isEqualTo("张伟");
		assertThat(only("SX0001").displayName()).isEqualTo("李娜");
		assertThat(only("SX0020").status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(only("ZH0020").status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(only("SX0001").status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(this.accounts.findById(only("ZJ0001").id())).contains(only("ZJ0001"));
		assertThat(this.accounts.findById(UUID.randomUUID())).isEmpty();
	}

	@Test
	void runAllWhenSamePersonAtTwoLibrariesThenOneReader() {
		this.sync.runAll();
		ReaderAccount zj = only("ZJ0002");
		ReaderAccount sx = only("SX0002");
		assertThat(zj.readerId()).isEqualTo(sx.readerId());
		assertThat(this.accounts.findByReaderId(zj.readerId())).extracting(ReaderAccount::libraryCode,
				ReaderAccount::cardNumber)
			.containsExactly(tuple("zj", "ZJ0002"), tuple("zj.sx", "SX0002"));
		assertThat(this.accounts.findByResidentIdNumber(DemoReaders.WANG_FANG_ID)).containsExactly(zj, sx);
		assertThat(this.accounts.findByResidentIdNumber(DemoReaders.WANG_FANG_ID.toLowerCase())).hasSize(2);
	}

	@Test
	void runAllThenRealNameVerifiedExactlyWhenDirectoryHoldsAValidIdNumber() {
		this.sync.runAll();
		for (DemoReader reader : DemoReaders.of(DemoLibrary.ZJ)) {
			if (reader.isMalformed()) {
				continue;
			}
			VerificationLevel expected = (reader.residentIdNumber() != null) ? VerificationLevel.REAL_NAME
					: VerificationLevel.CARD;
			assertThat(only(reader.cardNumber()).verificationLevel()).as(reader.cardNumber()).isEqualTo(expected);
		}
		assertThat(only("ZJ0002").verificationLevel()).isEqualTo(VerificationLevel.REAL_NAME);
	}

	@Test
	void runAllWhenOnlyCardNumberSharedThenTwoReaders() {
		this.sync.runAll();
		List<ReaderAccount> lib8888 = this.accounts.findByCardNumber("LIB8888");
		assertThat(lib8888).extracting(ReaderAccount::libraryCode, ReaderAccount::displayName)
			.containsExactly(tuple("zj.sx.shangyu", "孙八"), tuple("zj.sx.zhuji", "钱七"));
		assertThat(lib8888.get(0).readerId()).isNotEqualTo(lib8888.get(1).readerId());
		assertThat(this.accounts.findByReaderId(lib8888.get(0).readerId())).containsExactly(lib8888.get(0));
	}

	@Test
	void runAllThenEveryOtherReaderHasOneAccount() {
		this.sync.runAll();
		Map<UUID, Long> accountsPerReader = JdbcClient.create(this.database.dataSource())
			.sql("select reader_id from reader_account")
			.query(UUID.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy((id) -> id, Collectors.counting()));
		long validAccounts = DemoReaders.all().stream().filter((r) -> !r.isMalformed()).count();
		assertThat(accountsPerReader.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(validAccounts);
		assertThat(accountsPerReader).hasSize((int) validAccounts - 1);
		assertThat(JdbcClient.create(this.database.dataSource()).sql("select count(*) from reader").query(Long.class).single())
			.isEqualTo(validAccounts - 1);
	}

	@Test
	void runWhenEntryMalformedThenSkippedAndReportedWithDn() {
		SyncResult result = this.sync.run("zj.sx.jinghu");
		assertThat(result.counts().failed()).isEqualTo(1);
		assertThat(result.counts().failures())
			.containsExactly("cn=JH-UNNUMBERED-01,ou=readers,dc=jinghu,dc=lib,dc=zj,dc=cn: missing uid");
		assertThat(result.counts().created()).isEqualTo(24);
		assertThat(result.completed()).isTrue();
	}

	@Test
	void runWhenRunAgainThenAllUnchanged() {
		SyncResult first = this.sync.run("zj.sx");
		SyncResult second = this.sync.run("zj.sx");
		assertThat(second).extracting((r) -> r.counts().read(), (r) -> r.counts().created(), (r) -> r.counts().updated(), (r) -> r.counts().unchanged(),
				(r) -> r.counts().failed())
			.containsExactly(first.counts().read(), 0, 0, first.counts().created(), 0);
	}

	@Test
	void runWhenAttributeChangedThenUpdatedAndIdsKept() throws LDAPException {
		this.sync.runAll();
		ReaderAccount before = only("ZJ0003");
		modify(DemoLibrary.ZJ, DemoReaders.reader(DemoLibrary.ZJ, "ZJ0003").dn(),
				new Modification(ModificationType.REPLACE, "displayName", "改名读者"),
				new Modification(ModificationType.REPLACE, "readerStatus", "suspended"));
		SyncResult result = this.sync.run("zj");
		assertThat(result).extracting((r) -> r.counts().created(), (r) -> r.counts().updated(), (r) -> r.counts().unchanged())
			.containsExactly(0, 1, 23);
		ReaderAccount after = only("ZJ0003");
		assertThat(after.displayName()).isEqualTo("改名读者");
		assertThat(after.status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(after.id()).isEqualTo(before.id());
		assertThat(after.readerId()).isEqualTo(before.readerId());
	}

	@Test
	void runWhenExistingAccountGainsAnotherPersonsIdNumberThenReaderKept() throws LDAPException {
		this.sync.runAll();
		ReaderAccount before = only("ZJ0001");
		modify(DemoLibrary.ZJ, DemoReaders.reader(DemoLibrary.ZJ, "ZJ0001").dn(),
				new Modification(ModificationType.REPLACE, "residentIdNumber", DemoReaders.WANG_FANG_ID));
		assertThat(this.sync.run("zj").counts().updated()).isEqualTo(1);
		assertThat(only("ZJ0001").readerId()).isEqualTo(before.readerId()).isNotEqualTo(only("ZJ0002").readerId());
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void runAllWhenOneDirectoryDownThenOthersSyncedAndItReportsTheError() {
		this.directories.stop("zj.sx.zhuji");
		List<SyncResult> results = this.sync.runAll();
		SyncResult zhuji = results.stream().filter((r) -> r.libraryCode().equals("zj.sx.zhuji")).findFirst().orElseThrow();
		assertThat(zhuji.completed()).isFalse();
		assertThat(zhuji.error()).contains("unreachable");
		assertThat(zhuji).extracting((r) -> r.counts().read(), (r) -> r.counts().created()).containsExactly(0, 0);
		assertThat(results).filteredOn((r) -> !r.libraryCode().equals("zj.sx.zhuji")).allMatch(SyncResult::completed);
		assertThat(this.accounts.findByCardNumber("LIB8888")).extracting(ReaderAccount::libraryCode)
			.containsExactly("zj.sx.shangyu");
		this.directories.start("zj.sx.zhuji");
		assertThat(this.sync.run("zj.sx.zhuji")).extracting(SyncResult::completed, (r) -> r.counts().created())
			.containsExactly(true, 25);
	}

	@Test
	void runAllThenNoResidentIdNumberStoredInClear() {
		this.sync.runAll();
		List<String> hmacs = JdbcClient.create(this.database.dataSource())
			.sql("select resident_id_hmac from reader_account where resident_id_hmac is not null")
			.query(String.class)
			.list();
		assertThat(hmacs).isNotEmpty().allMatch((hmac) -> hmac.matches("[0-9a-f]{64}"));
		List<String> idNumbers = DemoReaders.all().stream().map(DemoReader::residentIdNumber).filter((n) -> n != null).toList();
		assertThat(hmacs).doesNotContainAnyElementsOf(idNumbers);
	}

	@Test
	void findByResidentIdNumberWhenCheckDigitWrongThenEmpty() {
		this.sync.runAll();
		String wrongCheck = DemoReaders.WANG_FANG_ID.substring(0, 17) + "9";
		assertThat(this.accounts.findByResidentIdNumber(wrongCheck)).isEmpty();
		assertThat(this.accounts.findByResidentIdNumber(null)).isEmpty();
		assertThat(this.accounts.findByCardNumber("NOBODY")).isEmpty();
	}

	private ReaderAccount only(String cardNumber) {
		List<ReaderAccount> found = this.accounts.findByCardNumber(cardNumber);
		assertThat(found).as(cardNumber).hasSize(1);
		return found.get(0);
	}

	private void modify(DemoLibrary library, String dn, Modification... modifications) throws LDAPException {
		URI url = URI.create(this.directories.url(library.code()).orElseThrow());
		try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(), library.syncBindDn(),
				DemoLibrary.SYNC_PASSWORD)) {
			connection.modify(dn, modifications);
		}
	}

}

package org.readerpass.ldapsync.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.account.SignedInReader;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.connector.ldap.TestLdapConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.sync.FullSync;
import org.readerpass.ldapsync.sync.SyncResult;
import org.readerpass.ldapsync.sync.TestSyncEngines;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.DemoReader;
import org.readerpass.ldapsync.testsupport.DemoReaders;
import org.readerpass.ldapsync.testsupport.OnH2AndPostgres;
import org.readerpass.ldapsync.testsupport.TestDatabase;
import org.readerpass.policy.reader.VerificationLevel;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Identity linking and its explanation ({@code reader_link}, {@link JdbcReaderLinks}) after syncs of
 * the demo directories, the same checks on H2 and on PostgreSQL ({@link OnH2AndPostgres}).
 */
@OnH2AndPostgres
class ReaderLinksContractTests {

	private static final int BATCH_SIZE = 7;

	private EmbeddedDirectories directories;

	private DirectoryConnectors connectors;

	private ReaderAccountStore accounts;

	private JdbcReaderLinks links;

	private FullSync sync;

	private final TestDatabase testDatabase;

	/** The data source the accounts were created with (migrated, emptied before each test). */
	private DataSource database;

	ReaderLinksContractTests(TestDatabase database) {
		this.testDatabase = database;
	}

	@BeforeEach
	void startDirectories() {
		DirectoryProperties properties = DemoDirectories.properties();
		this.directories = EmbeddedDirectories.start(properties);
		this.connectors = TestLdapConnectors.embedded(properties, this.directories);
		ResidentIdHasher hasher = new ResidentIdHasher(properties.identityHmacKey());
		this.database = this.testDatabase.empty();
		this.accounts = LinkedAccounts.jdbc(this.database, hasher);
		this.links = new JdbcReaderLinks(this.database);
		this.sync = TestSyncEngines.node(this.connectors, this.accounts, TestSyncEngines.jdbcRuns(this.database))
			.hasher(hasher)
			.policies(properties)
			.batchSize(BATCH_SIZE)
			.full();
	}

	@AfterEach
	void stopDirectories() {
		this.connectors.close();
		this.directories.close();
	}

	@Test
	void explainWhenSamePersonAtTwoLibrariesThenSecondLinkedBySameResidentIdMatchingTheFirst() {
		List<SyncResult> results = this.sync.runAll(); // libraries sync in parallel: either may come first
		ReaderAccount zj = only("ZJ0002");
		ReaderAccount sx = only("SX0002");
		List<ReaderLink> explained = this.links.explain(zj.readerId());
		assertThat(explained).extracting(ReaderLink::readerId).containsOnly(zj.readerId());
		assertThat(explained).extracting(ReaderLink::accountId, ReaderLink::libraryCode, ReaderLink::cardNumber,
				ReaderLink::syncRunId)
			.containsExactlyInAnyOrder(tuple(zj.id(), "zj", "ZJ0002", runId(results, "zj")),
					tuple(sx.id(), "zj.sx", "SX0002", runId(results, "zj.sx")));
		assertThat(explained).extracting(ReaderLink::reason)
			.containsExactly(LinkReason.NEW_READER, LinkReason.SAME_RESIDENT_ID);
		ReaderLink first = explained.get(0);
		ReaderLink second = explained.get(1);
		assertThat(first).extracting(ReaderLink::matchedAccountId, ReaderLink::matchedLibraryCode,
				ReaderLink::matchedCardNumber)
			.containsExactly(null, null, null);
		assertThat(second).extracting(ReaderLink::matchedAccountId, ReaderLink::matchedLibraryCode,
				ReaderLink::matchedCardNumber)
			.containsExactly(first.accountId(), first.libraryCode(), first.cardNumber());
		// linkedAt is each batch's sync time, taken before the linking lock: libraries syncing at once
		// may record them in either order; the order of the links is the list's (link_no)
		assertThat(List.of(first.linkedAt(), second.linkedAt())).doesNotContainNull();
		assertThat(this.links.explainAccount(second.accountId())).containsExactly(second);
	}

	/** What a reader's tokens are made from: the account and its reader's others, in one statement. */
	@Test
	void findSignedInWhenSamePersonAtTwoLibrariesThenBothAccountsInOneStatement() {
		this.sync.runAll();
		ReaderAccount zj = only("ZJ0002");
		ReaderAccount sx = only("SX0002");
		AtomicInteger statements = new AtomicInteger();
		ReaderAccountStore counted = LinkedAccounts.jdbc(countingStatements(this.database, statements),
				new ResidentIdHasher(DemoDirectories.properties().identityHmacKey()));
		statements.set(0);

		SignedInReader reader = counted.findSignedIn(sx.id()).orElseThrow();

		assertThat(reader.account()).isEqualTo(sx);
		assertThat(reader.libraries()).containsExactly("zj", "zj.sx");
		assertThat(statements).as("one statement, the linked accounts in it").hasValue(1);
		assertThat(counted.findSignedIn(zj.id()).orElseThrow().account()).isEqualTo(zj);
		assertThat(counted.findSignedIn(UUID.randomUUID())).isEmpty();
		assertThat(this.accounts.findSignedIn(zj.id()).orElseThrow().libraries())
			.isEqualTo(counted.findSignedIn(sx.id()).orElseThrow().libraries());
	}

	/** {@code dataSource}, counting the statements its connections prepare. */
	private static DataSource countingStatements(DataSource dataSource, AtomicInteger statements) {
		return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, args) -> {
					Object result = invoke(dataSource, method, args);
					if (!(result instanceof Connection connection)) {
						return result;
					}
					return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
							(p, m, a) -> {
								if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
									statements.incrementAndGet();
								}
								return invoke(connection, m, a);
							});
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@Test
	void explainWhenOnlyCardNumberSharedThenTwoReadersEachANewReader() {
		this.sync.runAll();
		List<ReaderAccount> lib8888 = this.accounts.findByCardNumber(DemoReaders.SHARED_CARD);
		assertThat(lib8888).hasSize(2);
		assertThat(lib8888.get(0).readerId()).isNotEqualTo(lib8888.get(1).readerId());
		for (ReaderAccount account : lib8888) {
			assertThat(this.links.explain(account.readerId()))
				.extracting(ReaderLink::accountId, ReaderLink::reason, ReaderLink::matchedAccountId)
				.containsExactly(tuple(account.id(), LinkReason.NEW_READER, null));
		}
	}

	@Test
	void explainWhenNoResidentIdNumberThenNewReaderSayingSo() {
		this.sync.runAll();
		DemoReader withoutId = DemoReaders.of(DemoLibrary.ZJ)
			.stream()
			.filter((r) -> !r.isMalformed() && r.residentIdNumber() == null)
			.findFirst()
			.orElseThrow();
		ReaderAccount account = only(withoutId.cardNumber());
		assertThat(this.links.explain(account.readerId())).extracting(ReaderLink::reason)
			.containsExactly(LinkReason.NO_RESIDENT_ID);
	}

	@Test
	void runAllWhenSameIdNumberWithBadCheckDigitThenTwoReadersAndReasonSaysInvalid() throws LDAPException {
		String bad = badCheckDigit(DemoReaders.WANG_FANG_ID);
		modify(DemoLibrary.ZJ, DemoReaders.reader(DemoLibrary.ZJ, "ZJ0003").dn(),
				new Modification(ModificationType.REPLACE, "residentIdNumber", bad));
		modify(DemoLibrary.ZHUJI, DemoReaders.reader(DemoLibrary.ZHUJI, "ZH0003").dn(),
				new Modification(ModificationType.REPLACE, "residentIdNumber", bad));
		this.sync.runAll();
		ReaderAccount zj = only("ZJ0003");
		ReaderAccount zhuji = only("ZH0003");
		assertThat(zj.readerId()).isNotEqualTo(zhuji.readerId());
		assertThat(zj.verificationLevel()).isEqualTo(VerificationLevel.CARD);
		assertThat(this.accounts.findByReaderId(zj.readerId())).containsExactly(zj);
		for (ReaderAccount account : List.of(zj, zhuji)) {
			assertThat(this.links.explain(account.readerId()))
				.extracting(ReaderLink::accountId, ReaderLink::reason, ReaderLink::matchedAccountId)
				.containsExactly(tuple(account.id(), LinkReason.INVALID_RESIDENT_ID, null));
		}
		assertThat(JdbcClient.create(this.database)
			.sql("select count(*) from reader_account where id in (?, ?) and resident_id_hmac is not null")
			.params(zj.id(), zhuji.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void runWhenSecondAccountArrivesInALaterRunThenItJoinsAndTheReaderIdStays() {
		SyncResult first = this.sync.run("zj");
		UUID reader = only("ZJ0002").readerId();
		assertThat(this.links.explain(reader)).extracting(ReaderLink::cardNumber, ReaderLink::reason)
			.containsExactly(tuple("ZJ0002", LinkReason.NEW_READER));
		SyncResult second = this.sync.run("zj.sx");
		assertThat(only("ZJ0002").readerId()).isEqualTo(reader);
		assertThat(only("SX0002").readerId()).isEqualTo(reader);
		assertThat(this.links.explain(reader))
			.extracting(ReaderLink::cardNumber, ReaderLink::reason, ReaderLink::matchedCardNumber, ReaderLink::syncRunId)
			.containsExactly(tuple("ZJ0002", LinkReason.NEW_READER, null, first.runId()),
					tuple("SX0002", LinkReason.SAME_RESIDENT_ID, "ZJ0002", second.runId()));
	}

	@Test
	void runWhenEntryWithSameIdNumberAddedToAnotherDirectoryBetweenRunsThenItJoinsAndTheReaderIdStays()
			throws LDAPException {
		this.sync.runAll();
		UUID reader = only("ZJ0002").readerId();
		String dn = "uid=ZH9002," + DemoLibrary.ZHUJI.baseDn();
		Entry entry = new Entry(dn);
		entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "libraryReader");
		entry.addAttribute("uid", "ZH9002");
		entry.addAttribute("cn", "王芳");
		entry.addAttribute("sn", "王");
		entry.addAttribute("displayName", "王芳");
		entry.addAttribute("readerType", "general");
		entry.addAttribute("readerStatus", "active");
		entry.addAttribute("residentIdNumber", DemoReaders.WANG_FANG_ID.toLowerCase());
		add(DemoLibrary.ZHUJI, entry);
		SyncResult later = this.sync.run("zj.sx.zhuji");
		assertThat(later.counts().created()).isEqualTo(1);
		ReaderAccount added = only("ZH9002");
		assertThat(added.readerId()).isEqualTo(reader);
		assertThat(only("ZJ0002").readerId()).isEqualTo(reader);
		assertThat(only("SX0002").readerId()).isEqualTo(reader);
		List<ReaderLink> explained = this.links.explain(reader);
		assertThat(explained).extracting(ReaderLink::reason)
			.containsExactly(LinkReason.NEW_READER, LinkReason.SAME_RESIDENT_ID, LinkReason.SAME_RESIDENT_ID);
		assertThat(explained).extracting(ReaderLink::cardNumber).containsExactlyInAnyOrder("ZJ0002", "SX0002", "ZH9002");
		assertThat(explained.get(2).cardNumber()).isEqualTo("ZH9002");
		assertThat(explained.get(2).syncRunId()).isEqualTo(later.runId());
		assertThat(explained.get(2).matchedAccountId()).isIn(only("ZJ0002").id(), only("SX0002").id());
	}

	@Test
	void runWhenExistingAccountGainsAValidIdNumberThenReaderAndLinkKept() throws LDAPException {
		this.sync.runAll();
		ReaderAccount before = only("ZJ0001");
		List<ReaderLink> linksBefore = this.links.explain(before.readerId());
		modify(DemoLibrary.ZJ, DemoReaders.reader(DemoLibrary.ZJ, "ZJ0001").dn(),
				new Modification(ModificationType.REPLACE, "residentIdNumber", DemoReaders.WANG_FANG_ID));
		assertThat(this.sync.run("zj").counts().updated()).isEqualTo(1);
		assertThat(only("ZJ0001").readerId()).isEqualTo(before.readerId());
		assertThat(this.links.explain(before.readerId())).isEqualTo(linksBefore);
		assertThat(this.links.explain(only("ZJ0002").readerId())).extracting(ReaderLink::cardNumber)
			.containsExactlyInAnyOrder("ZJ0002", "SX0002");
	}

	@Test
	void explainWhenMatchedAccountDeletedThenLinkKeptWithoutMatch() {
		this.sync.run("zj");
		this.sync.run("zj.sx");
		ReaderAccount zj = only("ZJ0002");
		JdbcClient.create(this.database).sql("delete from reader_account where id = ?").param(zj.id()).update();
		assertThat(this.links.explain(zj.readerId()))
			.extracting(ReaderLink::cardNumber, ReaderLink::reason, ReaderLink::matchedAccountId,
					ReaderLink::matchedCardNumber)
			.containsExactly(tuple("SX0002", LinkReason.SAME_RESIDENT_ID, null, null));
		assertThat(JdbcClient.create(this.database)
			.sql("select count(*) from reader_link where account_id = ?")
			.param(zj.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void explainWhenReaderUnknownThenEmpty() {
		this.sync.run("zj");
		assertThat(this.links.explain(UUID.randomUUID())).isEmpty();
		assertThat(this.links.explainAccount(UUID.randomUUID())).isEmpty();
	}

	@Test
	void runAllThenEveryAccountHasALinkAndNoResidentIdNumberInThem() {
		this.sync.runAll();
		JdbcClient jdbc = JdbcClient.create(this.database);
		assertThat(jdbc.sql("select count(*) from reader_account a where not exists "
				+ "(select 1 from reader_link l where l.account_id = a.id and l.reader_id = a.reader_id)")
			.query(Integer.class)
			.single()).isZero();
		List<String> secrets = new java.util.ArrayList<>(DemoReaders.all()
			.stream()
			.map(DemoReader::residentIdNumber)
			.filter((n) -> n != null)
			.toList());
		secrets.addAll(jdbc.sql("select resident_id_hmac from reader_account where resident_id_hmac is not null")
			.query(String.class)
			.list());
		List<Map<String, Object>> rows = jdbc.sql("select * from reader_link").query().listOfRows();
		assertThat(rows).isNotEmpty();
		for (Map<String, Object> row : rows) {
			for (Object value : row.values()) {
				String text = String.valueOf(value).toUpperCase();
				assertThat(secrets).noneMatch((secret) -> text.contains(secret.toUpperCase()));
			}
		}
		ReaderLink link = this.links.explain(only("SX0002").readerId()).get(1);
		assertThat(secrets).noneMatch((secret) -> link.toString().toUpperCase().contains(secret.toUpperCase()));
	}

	private static String badCheckDigit(String idNumber) {
		String first17 = idNumber.substring(0, 17);
		char right = ResidentIdNumber.checkCharacter(first17);
		String bad = first17 + ((right == '1') ? '2' : '1');
		assertThat(ResidentIdNumber.isValid(bad)).isFalse();
		return bad;
	}

	private static UUID runId(List<SyncResult> results, String library) {
		return results.stream().filter((r) -> r.libraryCode().equals(library)).findFirst().orElseThrow().runId();
	}

	private ReaderAccount only(String cardNumber) {
		List<ReaderAccount> found = this.accounts.findByCardNumber(cardNumber);
		assertThat(found).as(cardNumber).hasSize(1);
		return found.get(0);
	}

	private LDAPConnection connect(DemoLibrary library) throws LDAPException {
		URI url = URI.create(this.directories.url(library.code()).orElseThrow());
		return new LDAPConnection(url.getHost(), url.getPort(), library.syncBindDn(), DemoLibrary.SYNC_PASSWORD);
	}

	private void modify(DemoLibrary library, String dn, Modification... modifications) throws LDAPException {
		try (LDAPConnection connection = connect(library)) {
			connection.modify(dn, modifications);
		}
	}

	private void add(DemoLibrary library, Entry entry) throws LDAPException {
		try (LDAPConnection connection = connect(library)) {
			connection.add(entry);
		}
	}

}

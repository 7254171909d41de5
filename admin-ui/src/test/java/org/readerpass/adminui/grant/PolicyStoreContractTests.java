package org.readerpass.adminui.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.audit.AuditEntry;
import org.readerpass.adminui.audit.AuditFormat;
import org.readerpass.adminui.audit.AuditLog;
import org.readerpass.adminui.audit.JdbcAuditLog;
import org.readerpass.adminui.livepolicy.StoredPolicy;
import org.readerpass.adminui.problem.ConflictException;
import org.readerpass.adminui.problem.NotFoundException;
import org.readerpass.adminui.testsupport.TestGrants;
import org.readerpass.adminui.testsupport.TestResources;
import org.readerpass.ldapsync.testsupport.OnH2AndPostgres;
import org.readerpass.ldapsync.testsupport.TestDatabase;
import org.readerpass.policy.grant.Conditions;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.resource.Resource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the {@link PolicyStore} must do, on H2 and on PostgreSQL ({@link OnH2AndPostgres}; the
 * database is migrated, and emptied before each test).
 */
@OnH2AndPostgres
class PolicyStoreContractTests {

	static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

	static final Actor ADMIN = new Actor("admin-1", "admin-console");

	private JdbcClient jdbc;

	private PolicyStore store;

	/** The audit the store writes, read as the audit API reads it. */
	private AuditLog audit;

	private final TestDatabase database;

	PolicyStoreContractTests(TestDatabase database) {
		this.database = database;
	}

	private DataSource dataSource() {
		return this.database.dataSource();
	}

	@BeforeEach
	void emptyStore() {
		this.jdbc = JdbcClient.create(dataSource());
		this.jdbc.sql("delete from policy_audit").update();
		this.jdbc.sql("delete from policy_grant").update();
		this.jdbc.sql("delete from policy_resource").update();
		this.jdbc.sql("update policy_revision set revision = 0").update();
		this.store = store(AuditFormat.json());
		this.audit = new JdbcAuditLog(dataSource(), AuditFormat.json(), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private PolicyStore store(AuditFormat format) {
		return new JdbcPolicyStore(dataSource(), format, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void createResourceWhenNewThenFoundListedAndRevisionOne() {
		assertThat(this.store.revision()).isZero();
		assertThat(this.store.createResource(TestResources.journals(), ADMIN)).isEqualTo(1);
		assertThat(this.store.createResource(TestResources.ebooks(), ADMIN)).isEqualTo(2);
		assertThat(this.store.findResource("nlc-ebooks")).contains(TestResources.ebooks());
		assertThat(this.store.findResource("nothing")).isEmpty();
		assertThat(this.store.resources()).containsExactly(TestResources.journals(), TestResources.ebooks());
		assertThat(this.store.revision()).isEqualTo(2);
	}

	@Test
	void createResourceWhenCodeTakenThenConflictOnCodeAndNothingWritten() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		Resource sameCode = new Resource("nlc-ebooks", "x", "x", "zj", URI.create("https://other.example/"),
				List.of("read"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.store.createResource(sameCode, ADMIN))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("code"));
		assertNothingWrittenSince(1);
		assertThat(this.store.findResource("nlc-ebooks")).contains(TestResources.ebooks());
	}

	@Test
	void createResourceWhenAudienceTakenThenConflictOnAudience() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		Resource sameAudience = new Resource("other", "x", "x", "zj", TestResources.ebooks().audience(),
				List.of("read"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.store.createResource(sameAudience, ADMIN))
			.withMessageContaining("nlc-ebooks")
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("audience"));
		assertNothingWrittenSince(1);
	}

	@Test
	void createResourceWhenNameTooLongThenRefusedBeforeWriting() {
		Resource longName = new Resource("long", "长".repeat(257), "x", "zj", URI.create("https://long.example/"),
				List.of("read"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.createResource(longName, ADMIN))
			.withMessageContaining("nameZh");
		assertNothingWrittenSince(0);
	}

	@Test
	void createResourceWhenLongestValuesThenStored() {
		List<String> actions = new ArrayList<>();
		for (int i = 0; i < Resource.MAX_ACTIONS; i++) {
			actions.add("a" + "x".repeat(27) + String.format("%04d", i));
		}
		Resource largest = new Resource("x".repeat(63), "长".repeat(PolicyStore.MAX_NAME_LENGTH),
				"n".repeat(PolicyStore.MAX_NAME_LENGTH), "zj",
				URI.create("https://example.org/" + "p".repeat(PolicyStore.MAX_AUDIENCE_LENGTH - 20)), actions);
		this.store.createResource(largest, ADMIN);
		assertThat(this.store.findResource(largest.code())).contains(largest);
		assertThat(this.audit.entries(1, null).get(0).after()).contains(largest.nameZh());
	}

	@Test
	void updateResourceWhenAbsentThenNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.store.updateResource(TestResources.ebooks(), ADMIN))
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo("resource"));
		assertNothingWrittenSince(0);
	}

	@Test
	void updateResourceWhenAudienceOfAnotherThenConflict() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createResource(TestResources.journals(), ADMIN);
		Resource stealing = new Resource("cnki-journals", "x", "x", "zj.sx", TestResources.ebooks().audience(),
				List.of("read"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.store.updateResource(stealing, ADMIN))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("audience"));
		assertNothingWrittenSince(2);
	}

	@Test
	void updateResourceWhenSameAudienceKeptThenUpdatedAndAudited() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		Resource renamed = new Resource("nlc-ebooks", "电子书", "E-books", "zj", TestResources.ebooks().audience(),
				List.of("read", "download", "stream"));
		assertThat(this.store.updateResource(renamed, ADMIN)).isEqualTo(2);
		assertThat(this.store.findResource("nlc-ebooks")).contains(renamed);
		AuditEntry entry = this.audit.entries(1, null).get(0);
		assertThat(entry).extracting(AuditEntry::operation, AuditEntry::targetKind, AuditEntry::targetId,
				AuditEntry::revision)
			.containsExactly("update", "resource", "nlc-ebooks", 2L);
		assertThat(entry.before()).contains("\"nameEn\":\"NLC e-books\"").doesNotContain("stream");
		assertThat(entry.after()).contains("\"nameEn\":\"E-books\"", "\"stream\"");
	}

	@Test
	void updateResourceWhenDroppingAnActionGrantsNameThenConflictNamingThem() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createGrant(Grant.allow("g-download", Subject.everyone(), "nlc-ebooks", Set.of("download")), ADMIN);
		this.store.createGrant(Grant.allow("g-all", Subject.everyone(), "nlc-ebooks", Set.of("*")), ADMIN);
		Resource readOnly = new Resource("nlc-ebooks", "x", "x", "zj", TestResources.ebooks().audience(),
				List.of("read"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.store.updateResource(readOnly, ADMIN))
			.withMessageContaining("[download]")
			.withMessageContaining("g-download")
			.withMessageNotContaining("g-all")
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("actions"));
		assertNothingWrittenSince(3);
		assertThat(this.store.findResource("nlc-ebooks")).contains(TestResources.ebooks());
	}

	@Test
	void updateResourceWhenDroppingAnActionOnlyAllActionGrantsCoverThenUpdated() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createGrant(Grant.allow("g-all", Subject.everyone(), "nlc-ebooks", Set.of("*")), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-read"), ADMIN);
		Resource readOnly = new Resource("nlc-ebooks", "x", "x", "zj", TestResources.ebooks().audience(),
				List.of("read"));
		this.store.updateResource(readOnly, ADMIN);
		assertThat(this.store.findResource("nlc-ebooks")).contains(readOnly);
	}

	@Test
	void deleteResourceWhenGrantsNameItThenConflictAndKept() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-1"), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-2"), ADMIN);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.store.deleteResource("nlc-ebooks", ADMIN))
			.withMessageContaining("2 grants (g-1, g-2)");
		assertNothingWrittenSince(3);
		assertThat(this.store.findResource("nlc-ebooks")).isPresent();
	}

	@Test
	void deleteResourceWhenUnusedThenGoneAndAuditedWithBefore() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		assertThat(this.store.deleteResource("nlc-ebooks", ADMIN)).isEqualTo(2);
		assertThat(this.store.findResource("nlc-ebooks")).isEmpty();
		AuditEntry entry = this.audit.entries(1, null).get(0);
		assertThat(entry.operation()).isEqualTo("delete");
		assertThat(entry.before()).contains("\"code\":\"nlc-ebooks\"");
		assertThat(entry.after()).isNull();
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.store.deleteResource("nlc-ebooks", ADMIN));
	}

	@Test
	void createGrantWhenAnySubjectAndNetworkThenReadBackEqual() {
		this.store.createResource(TestResources.journals(), ADMIN);
		List<Grant> grants = new ArrayList<>();
		int n = 0;
		for (Subject subject : TestGrants.everySubject()) {
			for (NetworkCondition network : TestGrants.everyNetwork()) {
				grants.add(TestGrants.fullyConditioned("g-" + (n++), subject, network));
			}
		}
		grants.add(Grant.allow("g-plain", Subject.everyone(), "cnki-journals", Set.of("*")));
		grants.forEach(grant -> this.store.createGrant(grant, ADMIN));
		for (Grant grant : grants) {
			assertThat(this.store.findGrant(grant.id())).as(grant.describe()).contains(grant);
		}
		assertThat(this.store.grantsFor("cnki-journals")).containsExactlyInAnyOrderElementsOf(grants);
		assertThat(this.store.grants()).hasSize(grants.size());
		assertThat(this.store.load().grants()).containsExactlyInAnyOrderElementsOf(grants);
	}

	@Test
	void createGrantWhenInstantFinerThanMicrosecondsThenKeptToTheMicrosecond() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		Grant precise = TestGrants.everyoneReads("g-precise")
			.withConditions(Conditions.NONE.withValidFrom(Instant.parse("2026-01-01T00:00:00.123456789Z")));
		this.store.createGrant(precise, ADMIN);
		assertThat(this.store.findGrant("g-precise").orElseThrow().conditions().validFrom())
			.isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
		assertThat(this.audit.entries(1, null).get(0).after()).contains("2026-01-01T00:00:00.123456Z");
	}

	@Test
	void createGrantWhenResourceNotStoredThenConflictOnResource() {
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.store.createGrant(TestGrants.everyoneReads("g-1"), ADMIN))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("resource"));
		assertNothingWrittenSince(0);
	}

	@Test
	void createGrantWhenActionNotTheResourcesThenConflictOnActions() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		Grant streaming = Grant.allow("g-stream", Subject.everyone(), "nlc-ebooks", Set.of("read", "stream"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.store.createGrant(streaming, ADMIN))
			.withMessageContaining("[stream]")
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("actions"));
		assertNothingWrittenSince(1);
	}

	@Test
	void createGrantWhenIdTakenThenConflictOnId() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-1"), ADMIN);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.store.createGrant(TestGrants.everyoneReads("g-1"), ADMIN))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("id"));
		assertNothingWrittenSince(2);
	}

	@Test
	void updateGrantWhenStoredThenReplacedAndAuditedWithBeforeAndAfter() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-1"), ADMIN);
		Grant narrower = Grant.deny("g-1", Subject.librarySubtree("zj.sx"), "nlc-ebooks", Set.of("download"));
		assertThat(this.store.updateGrant(narrower, ADMIN)).isEqualTo(3);
		assertThat(this.store.findGrant("g-1")).contains(narrower);
		AuditEntry entry = this.audit.entries(1, null).get(0);
		assertThat(entry.before()).contains("\"effect\":\"allow\"", "\"kind\":\"verified\"");
		assertThat(entry.after()).contains("\"effect\":\"deny\"", "\"kind\":\"library\"", "\"value\":\"zj.sx\"");
	}

	@Test
	void updateGrantWhenAbsentThenNotFound() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.store.updateGrant(TestGrants.everyoneReads("g-none"), ADMIN))
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo("grant"));
		assertNothingWrittenSince(1);
	}

	@Test
	void deleteGrantWhenStoredThenGoneElseNotFound() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-1"), ADMIN);
		this.store.deleteGrant("g-1", ADMIN);
		assertThat(this.store.findGrant("g-1")).isEmpty();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.store.deleteGrant("g-1", ADMIN));
		assertThat(this.store.revision()).isEqualTo(3);
	}

	@Test
	void changeWhenCommittedThenAuditNamesActorClientTimeAndRevision() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-1"), Actor.ANONYMOUS);
		List<AuditEntry> entries = this.audit.entries(10, null);
		assertThat(entries).extracting(AuditEntry::actor, AuditEntry::clientId, AuditEntry::operation,
				AuditEntry::targetKind, AuditEntry::targetId, AuditEntry::revision, AuditEntry::at)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("anonymous", null, "create", "grant", "g-1", 2L, NOW),
					org.assertj.core.groups.Tuple.tuple("admin-1", "admin-console", "create", "resource", "nlc-ebooks",
							1L, NOW));
		assertThat(entries.get(1).before()).isNull();
	}

	@Test
	void changeWhenAuditCannotBeWrittenThenChangeRolledBack() {
		PolicyStore failingAudit = store(new AuditFormat() {
			@Override
			public String resource(Resource resource) {
				throw new IllegalStateException("audit format broken");
			}

			@Override
			public String grant(Grant grant) {
				throw new IllegalStateException("audit format broken");
			}
		});
		assertThatIllegalStateException()
			.isThrownBy(() -> failingAudit.createResource(TestResources.ebooks(), ADMIN));
		assertNothingWrittenSince(0);
		assertThat(this.store.findResource("nlc-ebooks")).isEmpty();
	}

	@Test
	void changeWhenActorNameVeryLongThenCutTo256() {
		this.store.createResource(TestResources.ebooks(), new Actor("a".repeat(1000), "c".repeat(300)));
		assertThat(this.audit.entries(1, null).get(0)).satisfies(entry -> {
			assertThat(entry.actor()).hasSize(256);
			assertThat(entry.clientId()).hasSize(256);
		});
	}

	@Test
	void auditWhenLimitAndBeforeThenNewestFirstPage() {
		for (int i = 0; i < 5; i++) {
			this.store.createResource(TestResources.resource("r" + i, "read"), ADMIN);
		}
		List<AuditEntry> first = this.audit.entries(2, null);
		assertThat(first).extracting(AuditEntry::targetId).containsExactly("r4", "r3");
		List<AuditEntry> second = this.audit.entries(2, first.get(1).id());
		assertThat(second).extracting(AuditEntry::targetId).containsExactly("r2", "r1");
		assertThat(this.audit.entries(10, second.get(1).id())).extracting(AuditEntry::targetId).containsExactly("r0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.audit.entries(0, null));
	}

	@Test
	void loadWhenRowsUnreadableThenLeftOutAndReported() {
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-good"), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-bad"), ADMIN);
		this.jdbc.sql("update policy_grant set subject_kind = 'martian' where id = 'g-bad'").update();
		StoredPolicy loaded = this.store.load();
		assertThat(loaded.revision()).isEqualTo(3);
		assertThat(loaded.resources()).containsExactly(TestResources.ebooks());
		assertThat(loaded.grants()).extracting(Grant::id).containsExactly("g-good");
		assertThat(loaded.problems()).singleElement().asString().contains("g-bad", "martian");
	}

	@Test
	void createResourceWhenManyAtOnceWithOneAudienceThenExactlyOneWins() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Boolean>> attempts = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				Resource resource = new Resource("race-" + i, "x", "x", "zj", URI.create("https://race.example/"),
						List.of("read"));
				attempts.add(() -> {
					try {
						this.store.createResource(resource, ADMIN);
						return true;
					}
					catch (ConflictException ex) {
						return false;
					}
				});
			}
			List<Boolean> outcomes = new ArrayList<>();
			for (Future<Boolean> outcome : pool.invokeAll(attempts)) {
				outcomes.add(outcome.get());
			}
			assertThat(outcomes).containsOnlyOnce(true);
			assertThat(this.store.resources()).hasSize(1);
			assertThat(this.store.revision()).isEqualTo(1);
			assertThat(this.audit.entries(10, null)).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void assertNothingWrittenSince(long revision) {
		assertThat(this.store.revision()).isEqualTo(revision);
		assertThat(this.audit.entries(100, null)).hasSize((int) revision);
	}

}

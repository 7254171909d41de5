package org.readerpass.adminui.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.adminui.api.ApiAuditFormat;
import org.readerpass.adminui.store.Actor;
import org.readerpass.adminui.store.JdbcPolicyStore;
import org.readerpass.adminui.testsupport.TestGrants;
import org.readerpass.adminui.testsupport.TestNetwork;
import org.readerpass.adminui.testsupport.TestResources;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.readerpass.policy.evaluation.PolicySnapshot;
import org.readerpass.policy.grant.Conditions;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.reader.ReaderContext;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The live snapshot over a real store (H2), with in-memory change signals. */
class PolicyHolderTests {

	private static final Actor ADMIN = Actor.system("test");

	private DataSource dataSource;

	private JdbcPolicyStore store;

	private LocalPolicyChanges changes;

	private PolicyHolder holder;

	@BeforeEach
	void store() {
		this.dataSource = TestDatabases.h2();
		this.store = new JdbcPolicyStore(this.dataSource, new ApiAuditFormat(), Clock.systemUTC());
		this.changes = new LocalPolicyChanges();
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-read"), ADMIN);
	}

	@AfterEach
	void stop() {
		if (this.holder != null) {
			this.holder.close();
		}
	}

	@Test
	void startWhenStoreHoldsPolicyThenCurrentEvaluatesIt() {
		this.holder = start(null);
		assertThat(this.holder.current().findGrant("g-read")).isPresent();
		assertThat(allowed(this.holder.current())).containsExactly("read");
		assertThat(this.holder.status()).extracting(PolicyStatus::revision, PolicyStatus::resourceCount,
				PolicyStatus::grantCount)
			.containsExactly(2L, 1, 1);
		assertThat(this.holder.get()).isSameAs(this.holder.current());
	}

	@Test
	void publishWhenStoreChangedThenCurrentHasTheChange() {
		this.holder = start(null);
		PolicySnapshot before = this.holder.current();
		this.store.createGrant(Grant.allow("g-download", Subject.everyone(), "nlc-ebooks", Set.of("download")), ADMIN);
		assertThat(this.holder.current()).isSameAs(before);
		this.changes.publish();
		assertThat(allowed(this.holder.current())).containsExactly("read", "download");
		assertThat(allowed(before)).containsExactly("read");
		assertThat(this.holder.status().revision()).isEqualTo(3);
	}

	@Test
	void refreshWhenRevisionUnchangedThenSnapshotKept() {
		this.holder = start(null);
		PolicySnapshot before = this.holder.current();
		assertThat(this.holder.refresh()).isFalse();
		this.changes.publish();
		assertThat(this.holder.current()).isSameAs(before);
	}

	@Test
	void pollWhenChangeNeverSignalledThenPickedUp() throws InterruptedException {
		this.holder = start(Duration.ofMillis(20));
		this.store.deleteGrant("g-read", ADMIN);
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.holder.current().findGrant("g-read").isPresent() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.holder.current().findGrant("g-read")).isEmpty();
	}

	@Test
	void startWhenStoredGrantDoesNotFitThePlanThenLeftOutAndReported() {
		this.store.createGrant(Grant.allow("g-zone", Subject.everyone(), "nlc-ebooks", Set.of("download"))
			.withConditions(Conditions.NONE.withNetwork(NetworkCondition.inZone("sx-city"))), ADMIN);
		this.holder = PolicyHolder.start(TestNetwork.planWithoutZones(), this.store, this.changes, null,
				Clock.systemUTC());
		assertThat(this.holder.current().findGrant("g-read")).isPresent();
		assertThat(this.holder.current().findGrant("g-zone")).isEmpty();
		assertThat(this.holder.status().problems()).singleElement()
			.asString()
			.contains("g-zone", "left out", "unknown zone 'sx-city'");
	}

	@Test
	void startWhenResourceOwnerNotInThePlanThenResourceAndItsGrantsLeftOut() {
		this.store.createResource(TestResources.journals(), ADMIN);
		this.store.createGrant(Grant.allow("g-journals", Subject.everyone(), "cnki-journals", Set.of("read")), ADMIN);
		JdbcClient.create(this.dataSource)
			.sql("update policy_resource set owner_library = 'zj.gone' where code = 'cnki-journals'")
			.update();
		this.holder = start(null);
		assertThat(this.holder.current().resources().find("cnki-journals")).isEmpty();
		assertThat(this.holder.current().resources().find("nlc-ebooks")).isPresent();
		assertThat(this.holder.status().problems()).hasSize(2)
			.anySatisfy(problem -> assertThat(problem).contains("cnki-journals", "zj.gone"))
			.anySatisfy(problem -> assertThat(problem).contains("g-journals"));
	}

	@Test
	void refreshWhenStoreFailsThenSnapshotKeptAndNoException() {
		this.holder = start(null);
		PolicySnapshot before = this.holder.current();
		JdbcClient.create(this.dataSource).sql("drop table policy_revision").update();
		this.changes.publish();
		assertThat(this.holder.refresh()).isFalse();
		assertThat(this.holder.current()).isSameAs(before);
	}

	@Test
	void startWhenStoreUnreadableThenThrows() {
		JdbcClient.create(this.dataSource).sql("drop table policy_revision").update();
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> start(null));
	}

	private PolicyHolder start(Duration poll) {
		return PolicyHolder.start(TestNetwork.plan(), this.store, this.changes, poll, Clock.systemUTC());
	}

	private static java.util.List<String> allowed(PolicySnapshot snapshot) {
		ReaderContext reader = ReaderContext.of(UUID.randomUUID(), UUID.randomUUID(), "zj", Instant.now());
		return snapshot.evaluate(reader, snapshot.resources().find("nlc-ebooks").orElseThrow()).allowedActions();
	}

}

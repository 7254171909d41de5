package org.readerpass.adminui.livepolicy;

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
import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.audit.AuditFormat;
import org.readerpass.adminui.grant.JdbcPolicyStore;
import org.readerpass.adminui.testsupport.TestGrants;
import org.readerpass.adminui.testsupport.TestResources;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.readerpass.policy.evaluation.PolicySnapshot;
import org.readerpass.policy.grant.Conditions;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.testsupport.TestNetworks;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The live snapshot over a real store (H2), with in-memory change signals. */
class LivePolicyTests {

	private static final Actor ADMIN = Actor.system("test");

	private DataSource dataSource;

	private JdbcPolicyStore store;

	private LocalPolicyChanges changes;

	private LivePolicy livePolicy;

	@BeforeEach
	void store() {
		this.dataSource = TestDatabases.h2();
		this.store = new JdbcPolicyStore(this.dataSource, AuditFormat.json(), Clock.systemUTC());
		this.changes = new LocalPolicyChanges();
		this.store.createResource(TestResources.ebooks(), ADMIN);
		this.store.createGrant(TestGrants.everyoneReads("g-read"), ADMIN);
	}

	@AfterEach
	void stop() {
		if (this.livePolicy != null) {
			this.livePolicy.close();
		}
	}

	@Test
	void startWhenStoreHoldsPolicyThenCurrentEvaluatesIt() {
		this.livePolicy = start(null);
		assertThat(this.livePolicy.current().findGrant("g-read")).isPresent();
		assertThat(allowed(this.livePolicy.current())).containsExactly("read");
		assertThat(this.livePolicy.status()).extracting(PolicyStatus::revision, PolicyStatus::resourceCount,
				PolicyStatus::grantCount)
			.containsExactly(2L, 1, 1);
		assertThat(this.livePolicy.get()).isSameAs(this.livePolicy.current());
	}

	@Test
	void publishWhenStoreChangedThenCurrentHasTheChange() {
		this.livePolicy = start(null);
		PolicySnapshot before = this.livePolicy.current();
		this.store.createGrant(Grant.allow("g-download", Subject.everyone(), "nlc-ebooks", Set.of("download")), ADMIN);
		assertThat(this.livePolicy.current()).isSameAs(before);
		this.changes.publish();
		assertThat(allowed(this.livePolicy.current())).containsExactly("read", "download");
		assertThat(allowed(before)).containsExactly("read");
		assertThat(this.livePolicy.status().revision()).isEqualTo(3);
	}

	@Test
	void refreshWhenRevisionUnchangedThenSnapshotKept() {
		this.livePolicy = start(null);
		PolicySnapshot before = this.livePolicy.current();
		assertThat(this.livePolicy.refresh()).isFalse();
		this.changes.publish();
		assertThat(this.livePolicy.current()).isSameAs(before);
	}

	@Test
	void pollWhenChangeNeverSignalledThenPickedUp() throws InterruptedException {
		this.livePolicy = start(Duration.ofMillis(20));
		this.store.deleteGrant("g-read", ADMIN);
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.livePolicy.current().findGrant("g-read").isPresent() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.livePolicy.current().findGrant("g-read")).isEmpty();
	}

	@Test
	void startWhenStoredGrantDoesNotFitThePlanThenLeftOutAndReported() {
		this.store.createGrant(Grant.allow("g-zone", Subject.everyone(), "nlc-ebooks", Set.of("download"))
			.withConditions(Conditions.NONE.withNetwork(NetworkCondition.inZone("sx-city"))), ADMIN);
		this.livePolicy = LivePolicy.start(TestNetworks.planWithoutZones(), this.store, this.changes, null,
				Clock.systemUTC());
		assertThat(this.livePolicy.current().findGrant("g-read")).isPresent();
		assertThat(this.livePolicy.current().findGrant("g-zone")).isEmpty();
		assertThat(this.livePolicy.status().problems()).singleElement()
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
		this.livePolicy = start(null);
		assertThat(this.livePolicy.current().resources().find("cnki-journals")).isEmpty();
		assertThat(this.livePolicy.current().resources().find("nlc-ebooks")).isPresent();
		assertThat(this.livePolicy.status().problems()).hasSize(2)
			.anySatisfy(problem -> assertThat(problem).contains("cnki-journals", "zj.gone"))
			.anySatisfy(problem -> assertThat(problem).contains("g-journals"));
	}

	@Test
	void refreshWhenStoreFailsThenSnapshotKeptAndNoException() {
		this.livePolicy = start(null);
		PolicySnapshot before = this.livePolicy.current();
		JdbcClient.create(this.dataSource).sql("drop table policy_revision").update();
		this.changes.publish();
		assertThat(this.livePolicy.refresh()).isFalse();
		assertThat(this.livePolicy.current()).isSameAs(before);
	}

	@Test
	void startWhenStoreUnreadableThenThrows() {
		JdbcClient.create(this.dataSource).sql("drop table policy_revision").update();
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> start(null));
	}

	private LivePolicy start(Duration poll) {
		return LivePolicy.start(TestNetworks.plan(), this.store, this.changes, poll, Clock.systemUTC());
	}

	private static java.util.List<String> allowed(PolicySnapshot snapshot) {
		ReaderContext reader = ReaderContext.of(UUID.randomUUID(), UUID.randomUUID(), "zj", Instant.now());
		return snapshot.evaluate(reader, snapshot.resources().find("nlc-ebooks").orElseThrow()).allowedActions();
	}

}

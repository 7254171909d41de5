package org.readerpass.policy.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.grant.Conditions;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.reader.VerificationLevel;
import org.readerpass.policy.testsupport.TestNetworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readerpass.policy.testsupport.TestNetworks.address;
import static org.readerpass.policy.testsupport.TestPolicies.snapshot;
import static org.readerpass.policy.testsupport.TestReaders.NOW;
import static org.readerpass.policy.testsupport.TestReaders.zhujiReader;
import static org.readerpass.policy.testsupport.TestResources.JOURNALS;

/** Each condition with one grant to every reader; the outcome is the one reason's failures. */
class PolicySnapshotConditionTests {

	private static final Instant FROM = Instant.parse("2026-09-01T00:00:00Z");

	private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

	private static Set<ConditionFailure> failures(Conditions conditions, ReaderContext reader) {
		Grant grant = Grant.allow("g1", Subject.everyone(), JOURNALS.code(), Set.of("read")).withConditions(conditions);
		Decision decision = snapshot(grant).evaluate(reader, JOURNALS);
		assertThat(decision.reasons()).hasSize(1);
		assertThat(decision.isAllowed("read")).isEqualTo(decision.reasons().get(0).applied());
		return decision.reasons().get(0).failures();
	}

	private static Set<ConditionFailure> network(NetworkCondition network, String clientAddress) {
		ReaderContext reader = zhujiReader().withClientAddress((clientAddress != null) ? address(clientAddress) : null);
		return failures(Conditions.NONE.withNetwork(network), reader);
	}

	private final Conditions window = Conditions.NONE.withValidFrom(FROM).withValidUntil(UNTIL);

	@Test
	void evaluateWhenExactlyAtValidFromThenApplied() {
		assertThat(failures(this.window, zhujiReader().withInstant(FROM))).isEmpty();
	}

	@Test
	void evaluateWhenJustBeforeValidFromThenNotYetValid() {
		assertThat(failures(this.window, zhujiReader().withInstant(FROM.minusNanos(1))))
			.containsExactly(ConditionFailure.NOT_YET_VALID);
	}

	@Test
	void evaluateWhenJustBeforeValidUntilThenApplied() {
		assertThat(failures(this.window, zhujiReader().withInstant(UNTIL.minusNanos(1)))).isEmpty();
	}

	@Test
	void evaluateWhenExactlyAtValidUntilThenExpired() {
		assertThat(failures(this.window, zhujiReader().withInstant(UNTIL))).containsExactly(ConditionFailure.EXPIRED);
	}

	@Test
	void evaluateWhenOnlyOneBoundThenOtherSideUnbounded() {
		assertThat(failures(Conditions.NONE.withValidUntil(UNTIL), zhujiReader().withInstant(Instant.EPOCH))).isEmpty();
		assertThat(failures(Conditions.NONE.withValidFrom(FROM), zhujiReader().withInstant(Instant.parse("2100-01-01T00:00:00Z"))))
			.isEmpty();
	}

	@Test
	void evaluateWhenVerificationBelowMinimumThenTooLow() {
		Conditions realName = Conditions.NONE.withMinimumVerification(VerificationLevel.REAL_NAME);
		assertThat(failures(realName, zhujiReader().withVerification(VerificationLevel.CARD)))
			.containsExactly(ConditionFailure.VERIFICATION_TOO_LOW);
		assertThat(failures(realName, zhujiReader().withVerification(VerificationLevel.REAL_NAME))).isEmpty();
	}

	@Test
	void evaluateWhenAnywhereAndAddressUnknownThenApplied() {
		assertThat(network(NetworkCondition.anywhere(), null)).isEmpty();
		assertThat(network(NetworkCondition.anywhere(), TestNetworks.OUTSIDE)).isEmpty();
	}

	@Test
	void evaluateWhenOnSiteAtHomeLibraryThenOnlyHomeLibrarysOwnRanges() {
		NetworkCondition home = NetworkCondition.onSiteAtHomeLibrary();
		assertThat(network(home, TestNetworks.AT_ZHUJI)).isEmpty();
		assertThat(network(home, TestNetworks.AT_ZHUJI_V6)).isEmpty();
		assertThat(network(home, TestNetworks.AT_SHANGYU)).containsExactly(ConditionFailure.OUTSIDE_NETWORK);
		assertThat(network(home, TestNetworks.AT_SX_CITY_LIBRARY)).containsExactly(ConditionFailure.OUTSIDE_NETWORK);
		assertThat(network(home, TestNetworks.OUTSIDE)).containsExactly(ConditionFailure.OUTSIDE_NETWORK);
	}

	@Test
	void evaluateWhenOnSiteAtHomeLibraryAndOnSiteAtAnotherOfTheReadersLibrariesThenOutside() {
		ReaderContext reader = zhujiReader().withLibraries(List.of("zj.sx.shangyu"))
			.withClientAddress(address(TestNetworks.AT_SHANGYU));
		assertThat(failures(Conditions.NONE.withNetwork(NetworkCondition.onSiteAtHomeLibrary()), reader))
			.containsExactly(ConditionFailure.OUTSIDE_NETWORK);
	}

	@Test
	void evaluateWhenOnSiteWithinSubtreeThenAnyLibraryBelowButNotZoneOrElsewhere() {
		NetworkCondition shaoxing = NetworkCondition.onSiteWithin("zj.sx");
		assertThat(network(shaoxing, TestNetworks.AT_ZHUJI)).isEmpty();
		assertThat(network(shaoxing, TestNetworks.AT_SHANGYU)).isEmpty();
		assertThat(network(shaoxing, TestNetworks.AT_SX_CITY_LIBRARY)).isEmpty();
		assertThat(network(shaoxing, TestNetworks.IN_SX_ZONE_ONLY)).containsExactly(ConditionFailure.OUTSIDE_NETWORK);
		assertThat(network(shaoxing, TestNetworks.AT_HZ_CITY_LIBRARY)).containsExactly(ConditionFailure.OUTSIDE_NETWORK);
		assertThat(network(NetworkCondition.onSiteWithin("zj.sx.shangyu"), TestNetworks.AT_ZHUJI))
			.containsExactly(ConditionFailure.OUTSIDE_NETWORK);
	}

	@Test
	void evaluateWhenInZoneThenAnyAddressOfTheZone() {
		NetworkCondition city = NetworkCondition.inZone("sx-city");
		assertThat(network(city, TestNetworks.IN_SX_ZONE_ONLY)).isEmpty();
		assertThat(network(city, TestNetworks.AT_ZHUJI)).isEmpty();
		assertThat(network(city, "10.30.0.1")).isEmpty();
		assertThat(network(city, "10.30.0.0")).containsExactly(ConditionFailure.OUTSIDE_NETWORK);
		assertThat(network(city, TestNetworks.AT_HZ_CITY_LIBRARY)).containsExactly(ConditionFailure.OUTSIDE_NETWORK);
		assertThat(network(NetworkCondition.inZone("campus-v6"), TestNetworks.AT_ZHUJI_V6)).isEmpty();
	}

	@Test
	void evaluateWhenOnSiteConditionAndAddressUnknownThenFailsAsUnknown() {
		assertThat(network(NetworkCondition.onSiteAtHomeLibrary(), null))
			.containsExactly(ConditionFailure.CLIENT_ADDRESS_UNKNOWN);
		assertThat(network(NetworkCondition.onSiteWithin("zj"), null))
			.containsExactly(ConditionFailure.CLIENT_ADDRESS_UNKNOWN);
		assertThat(network(NetworkCondition.inZone("sx-city"), null))
			.containsExactly(ConditionFailure.CLIENT_ADDRESS_UNKNOWN);
	}

	@Test
	void evaluateWhenSeveralConditionsFailThenEachReported() {
		Conditions conditions = this.window.withNetwork(NetworkCondition.onSiteAtHomeLibrary())
			.withMinimumVerification(VerificationLevel.CARD);
		assertThat(failures(conditions, zhujiReader().withInstant(UNTIL.plusSeconds(1))))
			.containsExactlyInAnyOrder(ConditionFailure.EXPIRED, ConditionFailure.VERIFICATION_TOO_LOW,
					ConditionFailure.CLIENT_ADDRESS_UNKNOWN);
	}

	@Test
	void evaluateWhenEverythingHoldsThenApplied() {
		Conditions conditions = this.window.withNetwork(NetworkCondition.onSiteWithin("zj.sx"))
			.withMinimumVerification(VerificationLevel.CARD);
		ReaderContext reader = zhujiReader().withVerification(VerificationLevel.CARD)
			.withClientAddress(address(TestNetworks.AT_ZHUJI))
			.withInstant(NOW);
		assertThat(failures(conditions, reader)).isEmpty();
	}

}

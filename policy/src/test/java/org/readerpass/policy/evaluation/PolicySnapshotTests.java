package org.readerpass.policy.evaluation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.grant.Conditions;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.resource.Resource;
import org.readerpass.policy.testsupport.TestNetworks;
import org.readerpass.policy.testsupport.TestResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.readerpass.policy.testsupport.TestPolicies.snapshot;
import static org.readerpass.policy.testsupport.TestReaders.NOW;
import static org.readerpass.policy.testsupport.TestReaders.zhujiReader;
import static org.readerpass.policy.testsupport.TestResources.JOURNALS;
import static org.readerpass.policy.testsupport.TestResources.LECTURES;
import static org.readerpass.policy.testsupport.TestResources.NLC_EBOOKS;

class PolicySnapshotTests {

	private static final Grant EVERYONE_READS_AND_DOWNLOADS = Grant.allow("everyone", Subject.everyone(),
			JOURNALS.code(), Set.of("read", "download"));

	private static final Grant NO_DOWNLOADS_FOR_CHILDREN = Grant.deny("children", Subject.readerType("child"),
			JOURNALS.code(), Set.of("download"));

	@Test
	void evaluateWhenDenyAppliesThenItWinsOverAllow() {
		PolicySnapshot snapshot = snapshot(EVERYONE_READS_AND_DOWNLOADS, NO_DOWNLOADS_FOR_CHILDREN);
		Decision child = snapshot.evaluate(zhujiReader().withReaderType("child"), JOURNALS);
		assertThat(child.allowedActions()).containsExactly("read");
		assertThat(child.deniedActions()).containsExactly("download");
		assertThat(child.isAllowed("download")).isFalse();
		assertThat(child.reasons()).extracting(Reason::applied).containsExactly(true, true);
		Decision adult = snapshot.evaluate(zhujiReader().withReaderType("adult"), JOURNALS);
		assertThat(adult.allowedActions()).containsExactly("read", "download");
	}

	@Test
	void evaluateWhenDenyAndAllowFromSameKindOfSubjectThenDenyStillWins() {
		PolicySnapshot snapshot = snapshot(
				Grant.allow("a", Subject.reader(zhujiReader().readerId()), JOURNALS.code(), Set.of("read")),
				Grant.deny("d", Subject.reader(zhujiReader().readerId()), JOURNALS.code(), Set.of("read")));
		assertThat(snapshot.evaluate(zhujiReader(), JOURNALS).allowsAny()).isFalse();
	}

	@Test
	void evaluateWhenDenyConditionFailsThenDenyDoesNotApply() {
		Grant expiredDeny = NO_DOWNLOADS_FOR_CHILDREN
			.withConditions(Conditions.NONE.withValidUntil(NOW.minus(Duration.ofDays(1))));
		Decision child = snapshot(EVERYONE_READS_AND_DOWNLOADS, expiredDeny)
			.evaluate(zhujiReader().withReaderType("child"), JOURNALS);
		assertThat(child.allowedActions()).containsExactly("read", "download");
		assertThat(child.deniedActions()).isEmpty();
	}

	@Test
	void evaluateWhenDenyOnSiteOnlyAndAddressUnknownThenDenyDoesNotApply() {
		// a deny is a grant like any other: its conditions must hold for it to apply
		Grant onSiteDeny = NO_DOWNLOADS_FOR_CHILDREN
			.withConditions(Conditions.NONE.withNetwork(NetworkCondition.onSiteAtHomeLibrary()));
		PolicySnapshot snapshot = snapshot(EVERYONE_READS_AND_DOWNLOADS, onSiteDeny);
		ReaderContext child = zhujiReader().withReaderType("child");
		assertThat(snapshot.evaluate(child, JOURNALS).allowedActions()).containsExactly("read", "download");
		assertThat(snapshot.evaluate(child.withClientAddress(TestNetworks.address(TestNetworks.AT_ZHUJI)), JOURNALS)
			.allowedActions()).containsExactly("read");
	}

	@Test
	void evaluateWhenAllActionsThenEveryActionOfTheResource() {
		PolicySnapshot snapshot = snapshot(
				Grant.allow("all", Subject.everyone(), JOURNALS.code(), Set.of(Grant.ALL_ACTIONS)),
				Grant.deny("none-for-children", Subject.readerType("child"), JOURNALS.code(), Set.of(Grant.ALL_ACTIONS)));
		assertThat(snapshot.evaluate(zhujiReader(), JOURNALS).allowedActions())
			.containsExactly("read", "download", "deliver");
		assertThat(snapshot.evaluate(zhujiReader().withReaderType("child"), JOURNALS).allowsAny()).isFalse();
	}

	@Test
	void evaluateWhenNoGrantForResourceThenNothingAllowedAndExplained() {
		Decision decision = snapshot(EVERYONE_READS_AND_DOWNLOADS).evaluate(zhujiReader(), NLC_EBOOKS);
		assertThat(decision.allowedActions()).isEmpty();
		assertThat(decision.reasons()).isEmpty();
		assertThat(decision.explain()).containsExactly("no grant for this reader on nlc-ebooks", "allowed []");
	}

	@Test
	void evaluateWhenGrantsForOtherResourcesThenNeverInReasons() {
		Decision decision = snapshot(EVERYONE_READS_AND_DOWNLOADS,
				Grant.allow("lectures", Subject.everyone(), LECTURES.code(), Set.of("stream")))
			.evaluate(zhujiReader(), LECTURES);
		assertThat(decision.reasons()).extracting(reason -> reason.grant().id()).containsExactly("lectures");
		assertThat(decision.allowedActions()).containsExactly("stream");
	}

	@Test
	void evaluateWhenAllowedThenActionsInResourceOrder() {
		Decision decision = snapshot(
				Grant.allow("g", Subject.everyone(), JOURNALS.code(), Set.of("deliver", "read"))).evaluate(zhujiReader(),
						JOURNALS);
		assertThat(decision.allowedActions()).containsExactly("read", "deliver");
		assertThat(decision.isAllowed("nonsense")).isFalse();
	}

	@Test
	void evaluateWhenWindowsAheadThenChangesAtIsTheNearestBoundary() {
		Grant endsSoon = Grant.allow("ends", Subject.everyone(), JOURNALS.code(), Set.of("read"))
			.withConditions(Conditions.NONE.withValidUntil(NOW.plus(Duration.ofDays(3))));
		Grant startsSooner = Grant.allow("starts", Subject.everyone(), JOURNALS.code(), Set.of("download"))
			.withConditions(Conditions.NONE.withValidFrom(NOW.plus(Duration.ofDays(1))));
		Grant ended = Grant.allow("ended", Subject.everyone(), JOURNALS.code(), Set.of("deliver"))
			.withConditions(Conditions.NONE.withValidUntil(NOW.minus(Duration.ofDays(1))));
		assertThat(snapshot(endsSoon, startsSooner, ended).evaluate(zhujiReader(), JOURNALS).changesAt())
			.contains(NOW.plus(Duration.ofDays(1)));
		assertThat(snapshot(endsSoon).evaluate(zhujiReader(), JOURNALS).changesAt())
			.contains(NOW.plus(Duration.ofDays(3)));
		assertThat(snapshot(ended, EVERYONE_READS_AND_DOWNLOADS).evaluate(zhujiReader(), JOURNALS).changesAt())
			.isEmpty();
	}

	@Test
	void ofWhenGrantsBrokenThenEveryProblemReportedAtOnce() {
		List<Grant> grants = List.of(EVERYONE_READS_AND_DOWNLOADS, EVERYONE_READS_AND_DOWNLOADS,
				Grant.allow("no-resource", Subject.everyone(), "gone", Set.of("read")),
				Grant.allow("no-action", Subject.everyone(), NLC_EBOOKS.code(), Set.of("stream")),
				Grant.allow("no-library", Subject.librarySubtree("zj.nb"), NLC_EBOOKS.code(), Set.of("read")),
				Grant.allow("no-group-library", Subject.group("teachers", "zj.nb"), NLC_EBOOKS.code(), Set.of("read")),
				Grant.allow("no-zone", Subject.everyone(), NLC_EBOOKS.code(), Set.of("read"))
					.withConditions(Conditions.NONE.withNetwork(NetworkCondition.inZone("nb-city"))),
				Grant.allow("no-site", Subject.everyone(), NLC_EBOOKS.code(), Set.of("read"))
					.withConditions(Conditions.NONE.withNetwork(NetworkCondition.onSiteWithin("zj.nb"))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PolicySnapshot.of(TestNetworks.plan(), TestResources.registry(), grants))
			.withMessageContaining("grant 'everyone' is defined twice")
			.withMessageContaining("grant 'no-resource' names unknown resource 'gone'")
			.withMessageContaining("grant 'no-action' names actions [stream]")
			.withMessageContaining("grant 'no-library' subject names unknown library 'zj.nb'")
			.withMessageContaining("grant 'no-group-library' subject names unknown library 'zj.nb'")
			.withMessageContaining("grant 'no-zone' network condition names unknown zone 'nb-city'")
			.withMessageContaining("grant 'no-site' network condition names unknown library 'zj.nb'");
	}

	@Test
	void problemsWhenGrantValidThenNoneElseListed() {
		PolicySnapshot snapshot = snapshot();
		assertThat(snapshot.problems(EVERYONE_READS_AND_DOWNLOADS)).isEmpty();
		assertThat(snapshot.problems(Grant.allow("x", Subject.everyone(), JOURNALS.code(), Set.of("stream"))))
			.singleElement()
			.asString()
			.contains("[stream]");
	}

	@Test
	void withGrantsWhenGrantsChangeThenNewSnapshotAndOldOneUntouched() {
		PolicySnapshot before = snapshot(EVERYONE_READS_AND_DOWNLOADS);
		PolicySnapshot after = before.withGrants(List.of(EVERYONE_READS_AND_DOWNLOADS, NO_DOWNLOADS_FOR_CHILDREN));
		ReaderContext child = zhujiReader().withReaderType("child");
		assertThat(before.evaluate(child, JOURNALS).allowedActions()).containsExactly("read", "download");
		assertThat(after.evaluate(child, JOURNALS).allowedActions()).containsExactly("read");
		assertThat(after.plan()).isSameAs(before.plan());
		assertThat(after.resources()).isSameAs(before.resources());
		assertThat(after.findGrant("children")).contains(NO_DOWNLOADS_FOR_CHILDREN);
		assertThat(before.findGrant("children")).isEmpty();
		assertThat(after.grantsFor(JOURNALS.code())).hasSize(2);
		assertThat(after.grantsFor(NLC_EBOOKS.code())).isEmpty();
		assertThat(after.grants()).containsExactly(EVERYONE_READS_AND_DOWNLOADS, NO_DOWNLOADS_FOR_CHILDREN);
	}

	@Test
	void evaluateWhenCallerHoldsAnotherVersionOfTheResourceThenSnapshotsVersionUsed() {
		Resource stale = new Resource(JOURNALS.code(), "x", "x", "zj", URI.create("https://old.example.cn"),
				List.of("read"));
		Decision decision = snapshot(EVERYONE_READS_AND_DOWNLOADS).evaluate(zhujiReader(), stale);
		assertThat(decision.resource()).isSameAs(JOURNALS);
		assertThat(decision.allowedActions()).containsExactly("read", "download");
	}

	@Test
	void explainWhenGrantsMatchThenOneLinePerGrantAndOutcome() {
		Grant onSite = Grant.allow("on-site", Subject.librarySubtree("zj.sx"), JOURNALS.code(), Set.of("deliver"))
			.withConditions(Conditions.NONE.withNetwork(NetworkCondition.onSiteWithin("zj.sx")));
		Decision decision = snapshot(EVERYONE_READS_AND_DOWNLOADS, NO_DOWNLOADS_FOR_CHILDREN, onSite)
			.evaluate(zhujiReader().withReaderType("child"), JOURNALS);
		assertThat(decision.explain()).containsExactlyInAnyOrder(
				"grant everyone applied (ALLOW verified:none journals [download, read] (always))",
				"grant children applied (DENY reader-type:child journals [download] (always))",
				"grant on-site not applied: client address unknown (ALLOW library:zj.sx journals [deliver] (on site within zj.sx))",
				"allowed [read], denied [download]");
	}

}

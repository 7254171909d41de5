package org.readerpass.policy.grant;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.reader.VerificationLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GrantTests {

	@Test
	void newWhenStarAloneThenCoversAllActions() {
		Grant grant = Grant.allow("g1", Subject.everyone(), "nlc-ebooks", Set.of(Grant.ALL_ACTIONS));
		assertThat(grant.coversAllActions()).isTrue();
		assertThat(grant.conditions()).isEqualTo(Conditions.NONE);
	}

	@Test
	void newWhenActionsEmptyMixedWithStarOrMalformedThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Grant.allow("g1", Subject.everyone(), "nlc-ebooks", Set.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Grant.allow("g1", Subject.everyone(), "nlc-ebooks", Set.of("*", "read")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Grant.allow("g1", Subject.everyone(), "nlc-ebooks", Set.of("READ")));
	}

	@Test
	void newWhenIdOrResourceMalformedThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Grant.allow("g 1", Subject.everyone(), "nlc-ebooks", Set.of("read")));
		assertThatIllegalArgumentException().isThrownBy(() -> Grant.allow("g1", Subject.everyone(), "NLC", Set.of("read")));
		assertThat(Grant.allow(UUID.randomUUID().toString(), Subject.everyone(), "nlc-ebooks", Set.of("read")).id())
			.hasSize(36);
	}

	@Test
	void subjectWhenLibraryCodesMalformedThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Subject.librarySubtree("ZJ"));
		assertThatIllegalArgumentException().isThrownBy(() -> Subject.group("teachers", "zj..sx"));
		assertThatIllegalArgumentException().isThrownBy(() -> Subject.group(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> Subject.readerType(""));
		assertThatIllegalArgumentException().isThrownBy(() -> NetworkCondition.onSiteWithin("zj sx"));
		assertThatIllegalArgumentException().isThrownBy(() -> NetworkCondition.inZone("Sx"));
	}

	@Test
	void describeWhenGrantPrintedThenEffectSubjectResourceActionsConditions() {
		Grant grant = Grant.deny("g2", Subject.group("teachers", "zj.sx"), "journals", Set.of("download", "read"))
			.withConditions(Conditions.NONE.withNetwork(NetworkCondition.onSiteWithin("zj.sx"))
				.withMinimumVerification(VerificationLevel.CARD));
		assertThat(grant.describe())
			.isEqualTo("DENY group:teachers@zj.sx journals [download, read] (on site within zj.sx, verified card)");
		assertThat(Subject.verifiedAtLeast(VerificationLevel.REAL_NAME).describe()).isEqualTo("verified:real-name");
		assertThat(Subject.group("teachers").describe()).isEqualTo("group:teachers");
	}

}

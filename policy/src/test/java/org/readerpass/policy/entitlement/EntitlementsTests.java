package org.readerpass.policy.entitlement;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.evaluation.PolicySnapshot;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.testsupport.TestPolicies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.readerpass.policy.testsupport.TestReaders.zhujiReader;
import static org.readerpass.policy.testsupport.TestResources.JOURNALS;
import static org.readerpass.policy.testsupport.TestResources.NLC_EBOOKS;

class EntitlementsTests {

	private static final String COMMON_LIB_TERMS = "urn:mace:dir:entitlement:common-lib-terms";

	private final Entitlements entitlements = Entitlements.of("zj",
			List.of(new FederationRule(JOURNALS.code(), COMMON_LIB_TERMS),
					new FederationRule(JOURNALS.code(), COMMON_LIB_TERMS)));

	private final PolicySnapshot snapshot = TestPolicies.snapshot(
			Grant.allow("g1", Subject.everyone(), JOURNALS.code(), Set.of("deliver", "read")),
			Grant.allow("g2", Subject.readerType("staff"), NLC_EBOOKS.code(), Set.of("read")));

	@Test
	void urnWhenValidIdsThenReaderPassShape() {
		assertThat(this.entitlements.urn("nlc-ebooks", "read")).isEqualTo("urn:readerpass:zj:res:nlc-ebooks:read");
	}

	@Test
	void urnWhenIdsMalformedThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.entitlements.urn("nlc:ebooks", "read"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.entitlements.urn("nlc-ebooks", "Read"));
		assertThatIllegalArgumentException().isThrownBy(() -> Entitlements.of("ZJ", List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> Entitlements.of("zj:x", List.of()));
	}

	@Test
	void valuesWhenActionsAllowedThenUrnsInResourceOrderThenFederationValueOnce() {
		assertThat(this.entitlements.values(this.snapshot.evaluate(zhujiReader(), JOURNALS))).containsExactly(
				"urn:readerpass:zj:res:journals:read", "urn:readerpass:zj:res:journals:deliver", COMMON_LIB_TERMS);
	}

	@Test
	void valuesWhenOtherResourceThenOnlyItsOwnEntitlements() {
		assertThat(this.entitlements.values(this.snapshot.evaluate(zhujiReader().withReaderType("staff"), NLC_EBOOKS)))
			.containsExactly("urn:readerpass:zj:res:nlc-ebooks:read");
	}

	@Test
	void valuesWhenNothingAllowedThenEmptyAndNoFederationValue() {
		assertThat(this.entitlements.values(this.snapshot.evaluate(zhujiReader(), NLC_EBOOKS))).isEmpty();
	}

	@Test
	void federationRuleWhenValueNotAbsoluteUriThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FederationRule("journals", "common-lib-terms"));
		assertThatIllegalArgumentException().isThrownBy(() -> new FederationRule("journals", "urn:a b"));
		assertThatIllegalArgumentException().isThrownBy(() -> new FederationRule("Journals", COMMON_LIB_TERMS));
		assertThat(this.entitlements.federationValues("journals")).containsExactly(COMMON_LIB_TERMS);
	}

}

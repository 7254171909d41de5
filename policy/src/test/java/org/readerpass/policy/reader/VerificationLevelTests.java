package org.readerpass.policy.reader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationLevelTests {

	@Test
	void isAtLeastWhenOrderedThenWeakestFirst() {
		assertThat(VerificationLevel.REAL_NAME.isAtLeast(VerificationLevel.CARD)).isTrue();
		assertThat(VerificationLevel.CARD.isAtLeast(VerificationLevel.CARD)).isTrue();
		assertThat(VerificationLevel.NONE.isAtLeast(VerificationLevel.CARD)).isFalse();
	}

	@Test
	void acrWhenEachLevelThenStableUrn() {
		assertThat(VerificationLevel.NONE.acr()).isEqualTo("urn:readerpass:acr:none");
		assertThat(VerificationLevel.CARD.acr()).isEqualTo("urn:readerpass:acr:card");
		assertThat(VerificationLevel.REAL_NAME.acr()).isEqualTo("urn:readerpass:acr:real-name");
	}

	@Test
	void fromAcrAndFromCodeWhenRoundTripThenSameLevel() {
		for (VerificationLevel level : VerificationLevel.values()) {
			assertThat(VerificationLevel.fromAcr(level.acr())).contains(level);
			assertThat(VerificationLevel.fromCode(level.code())).contains(level);
		}
		assertThat(VerificationLevel.fromAcr("urn:readerpass:acr:gold")).isEmpty();
		assertThat(VerificationLevel.fromCode("REAL_NAME")).isEmpty();
	}

}

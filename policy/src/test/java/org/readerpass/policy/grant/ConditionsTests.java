package org.readerpass.policy.grant;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.reader.VerificationLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConditionsTests {

	private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

	private final Conditions window = Conditions.NONE.withValidFrom(FROM).withValidUntil(UNTIL);

	@Test
	void windowWhenAtValidFromThenValid() {
		assertThat(this.window.isBefore(FROM)).isFalse();
		assertThat(this.window.isBefore(FROM.minusNanos(1))).isTrue();
	}

	@Test
	void windowWhenAtValidUntilThenExpired() {
		assertThat(this.window.isExpiredAt(UNTIL.minusNanos(1))).isFalse();
		assertThat(this.window.isExpiredAt(UNTIL)).isTrue();
	}

	@Test
	void windowWhenBoundsMissingThenUnbounded() {
		assertThat(Conditions.NONE.isBefore(Instant.MIN)).isFalse();
		assertThat(Conditions.NONE.isExpiredAt(Instant.MAX)).isFalse();
	}

	@Test
	void newWhenWindowEmptyThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.window.withValidUntil(FROM))
			.withMessageContaining("empty");
		assertThatIllegalArgumentException().isThrownBy(() -> this.window.withValidFrom(UNTIL.plusSeconds(1)));
	}

	@Test
	void newWhenNullsThenAnywhereAndNoMinimum() {
		Conditions conditions = new Conditions(null, null, null, null);
		assertThat(conditions.network()).isEqualTo(NetworkCondition.anywhere());
		assertThat(conditions.minimumVerification()).isEqualTo(VerificationLevel.NONE);
		assertThat(conditions.describe()).isEqualTo("always");
	}

}

package org.readerpass.ldapsync.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.Secret;

class ResidentIdHasherTests {

	private static final String NUMBER = "11010519491231002X";

	private final ResidentIdHasher hasher = new ResidentIdHasher(Secret.of("test-key-test-key-test-key-test-key"));

	@Test
	void hashWhenValidThenHexHmacNotTheClearValue() {
		String hmac = this.hasher.hash(NUMBER).orElseThrow();
		assertThat(hmac).matches("[0-9a-f]{64}").doesNotContain(NUMBER).doesNotContain(NUMBER.substring(0, 17));
	}

	@Test
	void hashWhenSameKeyThenStableAndNormalized() {
		ResidentIdHasher again = new ResidentIdHasher(Secret.of("test-key-test-key-test-key-test-key"));
		assertThat(again.hash(NUMBER)).isEqualTo(this.hasher.hash(NUMBER));
		assertThat(this.hasher.hash(" 11010519491231002x")).isEqualTo(this.hasher.hash(NUMBER));
	}

	@Test
	void hashWhenOtherKeyOrNumberThenDifferent() {
		ResidentIdHasher other = new ResidentIdHasher(Secret.of("another-key-another-key-another-key"));
		assertThat(other.hash(NUMBER)).isNotEqualTo(this.hasher.hash(NUMBER));
		assertThat(this.hasher.hash("330602198803150028")).isNotEqualTo(this.hasher.hash(NUMBER));
	}

	@Test
	void hashWhenNumberInvalidThenEmpty() {
		assertThat(this.hasher.hash("110105194912310021")).isEmpty();
		assertThat(this.hasher.hash(null)).isEmpty();
	}

	@Test
	void constructorWhenKeyEmptyThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ResidentIdHasher(Secret.of("")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ResidentIdHasher(null));
	}

}

package org.readerpass.authserver.abuse;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class HashTagsTests {

	@Test
	void ofWhenBracesThenWhatIsBetweenTheFirstOpeningAndTheNextClosing() {
		assertThat(HashTags.of("login:lock:account:{Xy_9}")).isEqualTo("Xy_9");
		assertThat(HashTags.of("p:{a}:login:{b}")).as("the first one").isEqualTo("a");
		assertThat(HashTags.of("p:{a{b}c}")).isEqualTo("a{b");
	}

	@Test
	void ofWhenNoTagOrAnEmptyOneThenTheWholeKey() {
		assertThat(HashTags.of("login:rate:198.51.100.1")).isEqualTo("login:rate:198.51.100.1");
		assertThat(HashTags.of("p:{}:{a}")).as("empty: Redis Cluster hashes the whole key").isEqualTo("p:{}:{a}");
		assertThat(HashTags.of("p:{a")).isEqualTo("p:{a");
	}

	@Test
	void tagWhenAPartThenInBracesAndNeverOneWithBraces() {
		assertThat(HashTags.tag("2001:db8::/64")).isEqualTo("{2001:db8::/64}");
		assertThatIllegalArgumentException().isThrownBy(() -> HashTags.tag("a}b"));
	}

	@Test
	void requireOneWhenOneTagOrOneKeyThenFineElseRefused() {
		assertThatNoException().isThrownBy(() -> HashTags.requireOne(List.of("lock:{a}", "pause:{a}", "fail:{a}")));
		assertThatNoException().isThrownBy(() -> HashTags.requireOne(List.of("rate:x")));
		assertThatIllegalArgumentException().isThrownBy(() -> HashTags.requireOne(List.of("lock:{a}", "lock:{b}")));
	}

}

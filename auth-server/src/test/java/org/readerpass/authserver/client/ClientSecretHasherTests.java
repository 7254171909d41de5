package org.readerpass.authserver.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSecretHasherTests {

	private final ClientSecretHasher hasher = new ClientSecretHasher();

	@Test
	void matchesWhenSameSecretThenTrueOtherwiseFalse() {
		String stored = this.hasher.encode("sx-portal-demo-secret");
		assertThat(stored).startsWith("{sha256}").doesNotContain("sx-portal-demo-secret");
		assertThat(this.hasher.matches("sx-portal-demo-secret", stored)).isTrue();
		assertThat(this.hasher.matches("sx-portal-demo-secreT", stored)).isFalse();
		assertThat(this.hasher.matches("", stored)).isFalse();
	}

	@Test
	void matchesWhenStoredValueIsPlainOrOtherSchemeThenFalse() {
		assertThat(this.hasher.matches("secret", "secret")).isFalse();
		assertThat(this.hasher.matches("secret", "{noop}secret")).isFalse();
		assertThat(this.hasher.matches("secret", "{sha256}!!!")).isFalse();
		assertThat(this.hasher.matches("secret", null)).isFalse();
	}

	@Test
	void upgradeEncodingWhenAnyThenNeverRehashes() {
		assertThat(this.hasher.upgradeEncoding(this.hasher.encode("x"))).isFalse();
	}

	@Test
	void newSecretWhenCalledThen256RandomBits() {
		assertThat(ClientSecretHasher.newSecret()).hasSize(43).isNotEqualTo(ClientSecretHasher.newSecret());
	}

}

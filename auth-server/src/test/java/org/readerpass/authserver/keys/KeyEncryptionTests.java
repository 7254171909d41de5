package org.readerpass.authserver.keys;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyEncryptionTests {

	private final KeyEncryption encryption = new KeyEncryption(new byte[32]);

	@Test
	void sealWhenOpenedWithSameKeyAndIdThenRoundTrips() {
		String sealed = this.encryption.seal("kid-1", "{\"d\":\"secret\"}");
		assertThat(sealed).doesNotContain("secret");
		assertThat(this.encryption.open("kid-1", sealed)).isEqualTo("{\"d\":\"secret\"}");
	}

	@Test
	void openWhenKeyIdDiffersOrWrongKeyOrTamperedThenRefused() {
		String sealed = this.encryption.seal("kid-1", "{\"d\":\"secret\"}");
		assertThatIllegalStateException().isThrownBy(() -> this.encryption.open("kid-2", sealed));
		byte[] otherKey = new byte[32];
		Arrays.fill(otherKey, (byte) 1);
		assertThatIllegalStateException().isThrownBy(() -> new KeyEncryption(otherKey).open("kid-1", sealed));
		byte[] bytes = Base64.getDecoder().decode(sealed);
		bytes[bytes.length - 1] ^= 1;
		assertThatIllegalStateException()
			.isThrownBy(() -> this.encryption.open("kid-1", Base64.getEncoder().encodeToString(bytes)));
	}

	@Test
	void constructorWhenKeyNot256BitsThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyEncryption(new byte[16]));
	}

}

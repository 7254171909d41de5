package org.readerpass.ldapsync.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordTests {

	@Test
	void ofWhenNullOrEmptyThenNone() {
		assertThat(Password.of(null)).isEmpty();
		assertThat(Password.of("")).isEmpty();
	}

	@Test
	void ofWhenTypedThenRevealedAsTyped() {
		assertThat(Password.of(" zj0001-pass ")).map(Password::reveal).contains(" zj0001-pass ");
		assertThat(Password.of(" ")).as("only the empty password is none").map(Password::reveal).contains(" ");
	}

	@Test
	void toStringWhenPrintedThenMasked() {
		Password password = Password.of("zj0001-pass").orElseThrow();
		assertThat(password).hasToString("****");
		assertThat(String.valueOf(password)).doesNotContain("zj0001");
	}

}

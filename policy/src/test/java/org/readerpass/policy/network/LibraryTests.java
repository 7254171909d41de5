package org.readerpass.policy.network;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryTests {

	@Test
	void isWithinWhenCodeSharesPrefixButNotSegmentThenFalse() {
		assertThat(Library.isWithin("zj.sx.zhuji", "zj.sx")).isTrue();
		assertThat(Library.isWithin("zj.sx", "zj.sx")).isTrue();
		assertThat(Library.isWithin("zj.sxx", "zj.sx")).isFalse();
		assertThat(Library.isWithin("zj.sx", "zj.sx.zhuji")).isFalse();
		assertThat(Library.isWithin("zj.sx.zhuji", "zj")).isTrue();
		assertThat(new Library("zj.sx.zhuji", "诸暨", "Zhuji", List.of()).isWithin("zj.s")).isFalse();
	}

	@Test
	void isValidCodeWhenDottedLowerCaseThenTrue() {
		assertThat(Library.isValidCode("zj.sx.zhuji")).isTrue();
		assertThat(Library.isValidCode("zj..sx")).isFalse();
		assertThat(Library.isValidCode("ZJ")).isFalse();
		assertThat(Library.isValidCode(null)).isFalse();
	}

}

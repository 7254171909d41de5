package org.readerpass.policy.network;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LibraryTreeTests {

	private static Library library(String code, String... ranges) {
		return new Library(code, code, code, List.of(ranges).stream().map(IpRange::of).toList());
	}

	@Test
	void ofWhenParentsPresentThenFindsAndLocatesAddresses() throws Exception {
		LibraryTree tree = LibraryTree.of(List.of(library("zj"), library("zj.sx", "10.30.16.1-10.30.47.254"),
				library("zj.sx.zhuji", "10.30.48.1-10.30.63.254")));
		assertThat(tree.find("zj.sx.zhuji")).get().extracting(Library::parentCode).isEqualTo("zj.sx");
		assertThat(tree.librariesAt(InetAddress.getByName("10.30.50.1"))).extracting(Library::code)
			.containsExactly("zj.sx.zhuji");
		assertThat(tree.find("zj.sx.zhuji").orElseThrow().isWithin("zj.sx")).isTrue();
		assertThat(tree.find("zj.sx").orElseThrow().isWithin("zj.sx.zhuji")).isFalse();
	}

	@Test
	void ofWhenBrokenThenEveryProblemReportedAtOnce() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LibraryTree.of(List.of(library("zj"), library("zj"), library("zj.hz.xihu"))))
			.withMessageContaining("defined twice")
			.withMessageContaining("no parent library 'zj.hz'");
	}

	@Test
	void libraryWhenCodeMalformedThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> library("ZJ..sx"));
	}

	@Test
	void librariesAtWhenAtRangeEdgesThenOnlyInsideFound() throws Exception {
		LibraryTree tree = LibraryTree.of(List.of(library("zj"), library("zj.sx", "10.30.16.1-10.30.47.254"),
				library("zj.sx.zhuji", "10.30.48.1-10.30.63.254", "2001:db8:30:48::/64")));
		assertThat(tree.librariesAt(InetAddress.getByName("10.30.47.254"))).extracting(Library::code)
			.containsExactly("zj.sx");
		assertThat(tree.librariesAt(InetAddress.getByName("10.30.47.255"))).isEmpty();
		assertThat(tree.librariesAt(InetAddress.getByName("10.30.48.1"))).extracting(Library::code)
			.containsExactly("zj.sx.zhuji");
		assertThat(tree.librariesAt(InetAddress.getByName("2001:db8:30:48::1"))).extracting(Library::code)
			.containsExactly("zj.sx.zhuji");
		assertThat(tree.librariesAt(InetAddress.getByName("2001:db8:30:49::1"))).isEmpty();
	}

	@Test
	void librariesAtWhenRangesOverlapThenBothLibraries() throws Exception {
		LibraryTree tree = LibraryTree.of(List.of(library("zj", "10.30.0.0/16"), library("zj.sx", "10.30.16.0/20")));
		assertThat(tree.librariesAt(InetAddress.getByName("10.30.16.5"))).extracting(Library::code)
			.containsExactlyInAnyOrder("zj", "zj.sx");
	}

}

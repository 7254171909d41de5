package org.readerpass.policy.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RangeIndexTests {

	private static RangeIndex<List<String>> index(String... rangeThenName) {
		List<RangeIndex.Entry<String>> entries = new ArrayList<>();
		for (int i = 0; i < rangeThenName.length; i += 2) {
			entries.add(new RangeIndex.Entry<>(IpRange.of(rangeThenName[i]), rangeThenName[i + 1]));
		}
		return RangeIndex.build(entries, List::copyOf);
	}

	private static List<String> at(RangeIndex<List<String>> index, String address) throws Exception {
		return index.lookup(InetAddress.getByName(address).getAddress());
	}

	@Test
	void lookupWhenRangesNestThenEveryCoveringRangeFound() throws Exception {
		RangeIndex<List<String>> index = index("10.30.0.1-10.31.255.254", "city", "10.30.48.1-10.30.63.254", "zhuji");
		assertThat(at(index, "10.30.0.0")).isEmpty();
		assertThat(at(index, "10.30.0.1")).containsExactly("city");
		assertThat(at(index, "10.30.48.0")).containsExactly("city");
		assertThat(at(index, "10.30.48.1")).containsExactlyInAnyOrder("city", "zhuji");
		assertThat(at(index, "10.30.63.254")).containsExactlyInAnyOrder("city", "zhuji");
		assertThat(at(index, "10.30.63.255")).containsExactly("city");
		assertThat(at(index, "10.31.255.254")).containsExactly("city");
		assertThat(at(index, "10.31.255.255")).isEmpty();
	}

	@Test
	void lookupWhenRangesAdjacentThenEachAddressInExactlyOne() throws Exception {
		RangeIndex<List<String>> index = index("10.0.0.0/25", "low", "10.0.0.128/25", "high");
		assertThat(at(index, "10.0.0.127")).containsExactly("low");
		assertThat(at(index, "10.0.0.128")).containsExactly("high");
		assertThat(at(index, "10.0.1.0")).isEmpty();
	}

	@Test
	void lookupWhenRangeReachesTopOfFamilyThenTopAddressFound() throws Exception {
		RangeIndex<List<String>> index = index("255.255.255.0/24", "top", "ffff::/16", "top6", "0.0.0.0/32", "zero");
		assertThat(at(index, "255.255.255.255")).containsExactly("top");
		assertThat(at(index, "255.255.254.255")).isEmpty();
		assertThat(at(index, "0.0.0.0")).containsExactly("zero");
		assertThat(at(index, "0.0.0.1")).isEmpty();
		assertThat(at(index, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).containsExactly("top6");
	}

	@Test
	void lookupWhenFamiliesDifferThenNeverMixed() throws Exception {
		RangeIndex<List<String>> index = index("0.0.0.0/0", "all4");
		assertThat(at(index, "10.0.0.1")).containsExactly("all4");
		assertThat(at(index, "::a00:1")).isEmpty();
		assertThat(at(index, "2001:db8::1")).isEmpty();
	}

	@Test
	void lookupWhenNoRangesThenEmptyForEveryAddress() throws Exception {
		RangeIndex<List<String>> index = index();
		assertThat(at(index, "10.0.0.1")).isEmpty();
		assertThat(at(index, "::1")).isEmpty();
	}

	@Test
	void lookupWhenSameSegmentThenSameValueInstance() throws Exception {
		RangeIndex<List<String>> index = index("10.30.48.1-10.30.63.254", "zhuji");
		assertThat(at(index, "10.30.50.1")).isSameAs(at(index, "10.30.60.9"));
	}

}

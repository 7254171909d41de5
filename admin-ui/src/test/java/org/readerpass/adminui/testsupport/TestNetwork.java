package org.readerpass.adminui.testsupport;

import java.util.List;

import org.readerpass.policy.network.IpRange;
import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.LibraryTree;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.network.NetworkZone;

/** The demo network's Shaoxing part (DESIGN.md's address plan) with a zone for the whole city. */
public final class TestNetwork {

	/** In Zhuji's IPv4 range. */
	public static final String AT_ZHUJI = "10.30.50.1";

	/** In Zhuji's IPv6 range. */
	public static final String AT_ZHUJI_V6 = "2001:db8:30:48::7";

	/** In the Shaoxing city zone but in no library's own range. */
	public static final String IN_SX_ZONE_ONLY = "10.31.1.1";

	/** Outside the network plan. */
	public static final String OUTSIDE = "192.0.2.1";

	private TestNetwork() {
	}

	public static NetworkPlan plan() {
		return NetworkPlan.of(tree(), List.of(new NetworkZone("sx-city", List.of(IpRange.of("10.30.0.1-10.31.255.254")))));
	}

	/** The same libraries without any zone: a plan from which a zone was removed. */
	public static NetworkPlan planWithoutZones() {
		return NetworkPlan.of(tree());
	}

	public static LibraryTree tree() {
		return LibraryTree.of(List.of(library("zj", "10.16.0.1-10.16.255.254"),
				library("zj.sx", "10.30.16.1-10.30.47.254"),
				library("zj.sx.zhuji", "10.30.48.1-10.30.63.254", "2001:db8:30:48::/64"),
				library("zj.sx.shangyu", "10.30.64.1-10.30.79.254")));
	}

	private static Library library(String code, String... ranges) {
		return new Library(code, code, code, List.of(ranges).stream().map(IpRange::of).toList());
	}

}

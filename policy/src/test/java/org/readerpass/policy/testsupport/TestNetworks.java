package org.readerpass.policy.testsupport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.readerpass.policy.network.IpRange;
import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.LibraryTree;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.network.NetworkZone;

/**
 * The demo network's Shaoxing part (DESIGN.md's address plan), plus Hangzhou for contrast and
 * an IPv6 range at Zhuji.
 */
public final class TestNetworks {

	/** In Zhuji's IPv4 range. */
	public static final String AT_ZHUJI = "10.30.50.1";

	/** In Zhuji's IPv6 range. */
	public static final String AT_ZHUJI_V6 = "2001:db8:30:48::7";

	/** In Shangyu's range. */
	public static final String AT_SHANGYU = "10.30.70.1";

	/** In the Shaoxing city library's own range. */
	public static final String AT_SX_CITY_LIBRARY = "10.30.20.1";

	/** In the Shaoxing city zone but in no library's own range. */
	public static final String IN_SX_ZONE_ONLY = "10.31.1.1";

	/** In the Hangzhou city library's range. */
	public static final String AT_HZ_CITY_LIBRARY = "10.20.20.1";

	/** Outside the network plan. */
	public static final String OUTSIDE = "192.0.2.1";

	private TestNetworks() {
	}

	public static Library library(String code, String... ranges) {
		return new Library(code, code, code, List.of(ranges).stream().map(IpRange::of).toList());
	}

	public static LibraryTree tree() {
		return LibraryTree.of(List.of(library("zj", "10.16.0.1-10.16.255.254"),
				library("zj.sx", "10.30.16.1-10.30.47.254"),
				library("zj.sx.zhuji", "10.30.48.1-10.30.63.254", "2001:db8:30:48::/64"),
				library("zj.sx.shangyu", "10.30.64.1-10.30.79.254"),
				library("zj.sx.shengzhou", "10.30.80.1-10.30.95.254"),
				library("zj.sx.xinchang", "10.30.112.1-10.30.127.254"), library("zj.hz", "10.20.16.1-10.20.47.254"),
				library("zj.hz.xihu", "10.20.48.1-10.20.63.254")));
	}

	/** The libraries, with a zone for the whole of Shaoxing ({@code sx-city}) and {@code campus-v6}. */
	public static NetworkPlan plan() {
		return NetworkPlan.of(tree(), List.of(new NetworkZone("sx-city", List.of(IpRange.of("10.30.0.1-10.31.255.254"))),
				new NetworkZone("campus-v6", List.of(IpRange.of("2001:db8::/32")))));
	}

	/** The same libraries without any zone: a plan from which the zones were removed. */
	public static NetworkPlan planWithoutZones() {
		return NetworkPlan.of(tree());
	}

	public static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}

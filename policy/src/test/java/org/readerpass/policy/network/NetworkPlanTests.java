package org.readerpass.policy.network;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.testsupport.TestNetworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.readerpass.policy.testsupport.TestNetworks.address;

class NetworkPlanTests {

	private final NetworkPlan plan = TestNetworks.plan();

	@Test
	void locateWhenAtCountyLibraryThenLibraryItsAncestorsAndZone() {
		Location location = this.plan.locate(address(TestNetworks.AT_ZHUJI));
		assertThat(location.libraryCodes()).containsExactly("zj.sx.zhuji");
		assertThat(location.isAtLibrary("zj.sx.zhuji")).isTrue();
		assertThat(location.isAtLibrary("zj.sx")).isFalse();
		assertThat(location.isWithin("zj.sx.zhuji")).isTrue();
		assertThat(location.isWithin("zj.sx")).isTrue();
		assertThat(location.isWithin("zj")).isTrue();
		assertThat(location.isWithin("zj.hz")).isFalse();
		assertThat(location.isInZone("sx-city")).isTrue();
		assertThat(location.zoneNames()).containsExactly("sx-city");
	}

	@Test
	void locateWhenInZoneButNoLibraryThenZoneOnly() {
		Location location = this.plan.locate(address(TestNetworks.IN_SX_ZONE_ONLY));
		assertThat(location.libraryCodes()).isEmpty();
		assertThat(location.isWithin("zj.sx")).isFalse();
		assertThat(location.isInZone("sx-city")).isTrue();
	}

	@Test
	void locateWhenIpv6ThenLibraryAndIpv6Zone() {
		Location location = this.plan.locate(address(TestNetworks.AT_ZHUJI_V6));
		assertThat(location.isAtLibrary("zj.sx.zhuji")).isTrue();
		assertThat(location.isInZone("campus-v6")).isTrue();
		assertThat(location.isInZone("sx-city")).isFalse();
	}

	@Test
	void locateWhenOutsidePlanThenNowhere() {
		Location location = this.plan.locate(address(TestNetworks.OUTSIDE));
		assertThat(location.libraryCodes()).isEmpty();
		assertThat(location.zoneNames()).isEmpty();
		assertThat(location.isWithin("zj")).isFalse();
	}

	@Test
	void ofWhenZoneNameTwiceThenRejected() {
		NetworkZone zone = new NetworkZone("sx-city", List.of(IpRange.of("10.30.0.0/15")));
		assertThatIllegalArgumentException().isThrownBy(() -> NetworkPlan.of(TestNetworks.tree(), List.of(zone, zone)))
			.withMessageContaining("zone 'sx-city' is defined twice");
	}

	@Test
	void zoneWhenNameOrRangesInvalidThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NetworkZone("Sx City", List.of(IpRange.of("10.0.0.0/8"))));
		assertThatIllegalArgumentException().isThrownBy(() -> new NetworkZone("sx-city", List.of()));
	}

	@Test
	void findZoneWhenKnownThenFound() {
		assertThat(this.plan.findZone("sx-city")).get()
			.satisfies(zone -> assertThat(zone.contains(address("10.31.0.1"))).isTrue());
		assertThat(this.plan.findZone("nowhere")).isEmpty();
	}

}

package org.readerpass.policy.network;

import java.math.BigInteger;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IpRangeTests {

	@Test
	void ofWhenStartEndThenContainsBothEndsOnly() throws Exception {
		IpRange zhuji = IpRange.of("10.30.48.1-10.30.63.254");
		assertThat(zhuji.contains(InetAddress.getByName("10.30.48.1"))).isTrue();
		assertThat(zhuji.contains(InetAddress.getByName("10.30.63.254"))).isTrue();
		assertThat(zhuji.contains(InetAddress.getByName("10.30.48.0"))).isFalse();
		assertThat(zhuji.contains(InetAddress.getByName("10.30.63.255"))).isFalse();
	}

	@Test
	void ofWhenReportStyleFullWidthTildeThenParsed() throws Exception {
		assertThat(IpRange.of("10.30.16.1～10.30.47.254").contains(InetAddress.getByName("10.30.20.7"))).isTrue();
	}

	@Test
	void ofWhenCidrThenNetworkAndBroadcastIncluded() throws Exception {
		IpRange link = IpRange.of("10.16.2.225/29");
		assertThat(link.size()).isEqualTo(BigInteger.valueOf(8));
		assertThat(link.contains(InetAddress.getByName("10.16.2.224"))).isTrue();
		assertThat(link.contains(InetAddress.getByName("10.16.2.231"))).isTrue();
		assertThat(link.contains(InetAddress.getByName("10.16.2.232"))).isFalse();
	}

	@Test
	void ofWhenIpv6CidrThenContainsOnlyIpv6() throws Exception {
		IpRange range = IpRange.of("2001:db8::/32");
		assertThat(range.isIpv6()).isTrue();
		assertThat(range.contains(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("2001:db9::1"))).isFalse();
		assertThat(range.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
	}

	@Test
	void ofWhenMalformedThenRejectedWithoutLookup() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("library.example.org"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("cafe")); // hex-only: a name, not a literal
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("10.0.0.9-10.0.0.1"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("10.0.0.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("10.0.0.1-::1"));
	}

	@Test
	void ofWhenCidrHostBitsSetThenNetworkIsMasked() throws Exception {
		IpRange range = IpRange.of("10.30.48.77/20");
		assertThat(range.contains(InetAddress.getByName("10.30.48.0"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("10.30.63.255"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("10.30.47.255"))).isFalse();
		assertThat(range.contains(InetAddress.getByName("10.30.64.0"))).isFalse();
	}

	@Test
	void ofWhenPrefix32ThenExactlyOneAddress() throws Exception {
		IpRange host = IpRange.of("10.30.48.1/32");
		assertThat(host.size()).isEqualTo(BigInteger.ONE);
		assertThat(host.contains(InetAddress.getByName("10.30.48.1"))).isTrue();
		assertThat(host.contains(InetAddress.getByName("10.30.48.0"))).isFalse();
		assertThat(host.contains(InetAddress.getByName("10.30.48.2"))).isFalse();
	}

	@Test
	void ofWhenPrefix31ThenTwoAddresses() throws Exception {
		IpRange pair = IpRange.of("10.30.48.3/31");
		assertThat(pair.size()).isEqualTo(BigInteger.TWO);
		assertThat(pair.contains(InetAddress.getByName("10.30.48.2"))).isTrue();
		assertThat(pair.contains(InetAddress.getByName("10.30.48.3"))).isTrue();
		assertThat(pair.contains(InetAddress.getByName("10.30.48.4"))).isFalse();
	}

	@Test
	void ofWhenPrefix0ThenWholeFamilyOnly() throws Exception {
		IpRange all = IpRange.of("0.0.0.0/0");
		assertThat(all.size()).isEqualTo(BigInteger.ONE.shiftLeft(32));
		assertThat(all.contains(InetAddress.getByName("0.0.0.0"))).isTrue();
		assertThat(all.contains(InetAddress.getByName("255.255.255.255"))).isTrue();
		assertThat(all.contains(InetAddress.getByName("::1"))).isFalse();
		assertThat(IpRange.of("::/0").contains(InetAddress.getByName("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")))
			.isTrue();
	}

	@Test
	void ofWhenIpv6CidrThenEdgesIncludedAndNeighboursNot() throws Exception {
		IpRange range = IpRange.of("2001:db8:30:48::/64");
		assertThat(range.contains(InetAddress.getByName("2001:db8:30:48::"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("2001:db8:30:48:ffff:ffff:ffff:ffff"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("2001:db8:30:47:ffff:ffff:ffff:ffff"))).isFalse();
		assertThat(range.contains(InetAddress.getByName("2001:db8:30:49::"))).isFalse();
		assertThat(IpRange.of("2001:db8::1/128").size()).isEqualTo(BigInteger.ONE);
		assertThat(IpRange.of("2001:db8::/127").contains(InetAddress.getByName("2001:db8::1"))).isTrue();
		assertThat(IpRange.of("2001:db8::/127").contains(InetAddress.getByName("2001:db8::2"))).isFalse();
	}

	@Test
	void ofWhenIpv6StartEndThenBothEndsIncluded() throws Exception {
		IpRange range = IpRange.of("2001:db8::10-2001:db8::1:0");
		assertThat(range.contains(InetAddress.getByName("2001:db8::10"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("2001:db8::ffff"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("2001:db8::1:0"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("2001:db8::f"))).isFalse();
		assertThat(range.contains(InetAddress.getByName("2001:db8::1:1"))).isFalse();
	}

	@Test
	void containsWhenIpv4MappedIpv6LiteralThenTreatedAsIpv4() throws Exception {
		// Java turns ::ffff:a.b.c.d into an Inet4Address; a dual-stack socket reports such peers that way
		assertThat(IpRange.of("10.30.48.1-10.30.63.254").contains(InetAddress.getByName("::ffff:10.30.50.1"))).isTrue();
	}

	@Test
	void ofWhenShaoxingCityZoneThenWholeCityNetwork() throws Exception {
		IpRange city = IpRange.of("10.30.0.1～10.31.255.254");
		assertThat(city.contains(InetAddress.getByName("10.30.0.1"))).isTrue();
		assertThat(city.contains(InetAddress.getByName("10.31.255.254"))).isTrue();
		assertThat(city.contains(InetAddress.getByName("10.30.0.0"))).isFalse();
		assertThat(city.contains(InetAddress.getByName("10.31.255.255"))).isFalse();
		assertThat(city.size()).isEqualTo(BigInteger.valueOf(131_070));
	}

	@Test
	void ofWhenSingleAddressThenRangeOfOne() throws Exception {
		assertThat(IpRange.of("10.30.48.1").size()).isEqualTo(BigInteger.ONE);
		assertThat(IpRange.of(" 2001:db8::1 ").contains(InetAddress.getByName("2001:db8::1"))).isTrue();
	}

	@Test
	void ofWhenPrefixOrScopeMalformedThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("10.0.0.0/-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("10.0.0.0/x"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("2001:db8::/129"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("fe80::1%eth0"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of(""));
	}

}

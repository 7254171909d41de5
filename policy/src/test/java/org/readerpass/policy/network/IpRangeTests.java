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
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("10.0.0.9-10.0.0.1"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("10.0.0.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.of("10.0.0.1-::1"));
	}

}

package org.readerpass.policy.network;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralsTests {

	@Test
	void parseWhenIpv4OrIpv6LiteralThenAddress() throws Exception {
		assertThat(IpLiterals.parse("10.30.20.1")).contains(InetAddress.getByName("10.30.20.1"));
		assertThat(IpLiterals.parse("::1")).contains(InetAddress.getByName("::1"));
		assertThat(IpLiterals.parse("2001:db8:cafe::17")).contains(InetAddress.getByName("2001:db8:cafe::17"));
	}

	@Test
	void parseWhenHexOnlyNameOrMalformedThenEmptyWithoutAskingDns() {
		// InetAddress.getByName would look these up in DNS: they must never reach it
		for (String notALiteral : new String[] { "cafe", "beef", "1.2.3.4.5", "010.0.0.1", "256.1.1.1", "10.0.0",
				"fe80::1%eth0", "library.example.org", "", "unknown", "_hidden" }) {
			assertThat(IpLiterals.parse(notALiteral)).as(notALiteral).isEmpty();
		}
		assertThat(IpLiterals.parse(null)).isEmpty();
	}

}

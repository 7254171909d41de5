package org.readerpass.authserver.network;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.network.IpRange;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTests {

	private final ClientAddresses addresses = new ClientAddresses(
			List.of(IpRange.of("127.0.0.1/32"), IpRange.of("192.168.100.0/24"), IpRange.of("::1/128")));

	private static Optional<InetAddress> ip(String literal) throws Exception {
		return Optional.of(InetAddress.getByName(literal));
	}

	@Test
	void resolveWhenPeerNotTrustedThenHeadersIgnored() throws Exception {
		assertThat(this.addresses.resolve("203.0.113.9", List.of("for=10.30.20.1"), List.of("10.30.20.1")))
			.isEqualTo(ip("203.0.113.9"));
	}

	@Test
	void resolveWhenTrustedPeerForwardsThenFirstUntrustedHopFromTheRight() throws Exception {
		assertThat(this.addresses.resolve("127.0.0.1", List.of(), List.of("10.30.20.1")))
			.isEqualTo(ip("10.30.20.1"));
		assertThat(this.addresses.resolve("127.0.0.1", List.of(), List.of("6.6.6.6, 10.30.20.1, 192.168.100.7")))
			.as("a spoofed left-most entry is ignored").isEqualTo(ip("10.30.20.1"));
		assertThat(this.addresses.resolve("127.0.0.1", List.of(), List.of("6.6.6.6", "10.30.20.1")))
			.as("several header lines").isEqualTo(ip("10.30.20.1"));
	}

	@Test
	void resolveWhenForwardedHeaderThenPreferredAndPortsQuotesBracketsHandled() throws Exception {
		assertThat(this.addresses.resolve("127.0.0.1", List.of("for=192.0.2.60;proto=http;by=203.0.113.43"),
				List.of("10.30.20.1"))).isEqualTo(ip("192.0.2.60"));
		assertThat(this.addresses.resolve("127.0.0.1", List.of("For=\"[2001:db8:cafe::17]:4711\""), List.of()))
			.isEqualTo(ip("2001:db8:cafe::17"));
		assertThat(this.addresses.resolve("::1", List.of("for=\"10.30.20.1:50000\""), List.of()))
			.isEqualTo(ip("10.30.20.1"));
	}

	@Test
	void resolveWhenHopMalformedOrObfuscatedThenUnknown() {
		assertThat(this.addresses.resolve("127.0.0.1", List.of(), List.of("library.example.org"))).isEmpty();
		assertThat(this.addresses.resolve("127.0.0.1", List.of("for=unknown"), List.of())).isEmpty();
		assertThat(this.addresses.resolve("127.0.0.1", List.of("for=_hidden"), List.of())).isEmpty();
		assertThat(this.addresses.resolve("127.0.0.1", List.of(), List.of("fe80::1%eth0"))).isEmpty();
		assertThat(this.addresses.resolve("127.0.0.1", List.of(), List.of("cafe"))).as("a host name, never looked up")
			.isEmpty();
		assertThat(this.addresses.resolve("127.0.0.1", List.of(), List.of("1.2.3.4.5"))).isEmpty();
	}

	@Test
	void resolveWhenTrustedPeerSendsNoHeaderThenPeer() throws Exception {
		assertThat(this.addresses.resolve("127.0.0.1", List.of(), List.of())).isEqualTo(ip("127.0.0.1"));
	}

}

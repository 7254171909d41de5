package org.readerpass.authserver.device;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.abuse.InMemoryCounters;
import org.readerpass.authserver.device.DeviceProperties.WrongCodes;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

class WrongCodeAttemptsTests {

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final WrongCodeAttempts attempts = new WrongCodeAttempts(new WrongCodes(3, 5, Duration.ofMinutes(15)),
			this.clock, new InMemoryCounters(this.clock));

	private static Optional<InetAddress> address(String literal) throws Exception {
		return Optional.of(InetAddress.getByName(literal));
	}

	@Test
	void refusedUntilWhenSessionReachedItsLimitThenUntilTheWindowOfItsFirstWrongCodeEnds() throws Exception {
		MockHttpSession session = new MockHttpSession();
		Optional<InetAddress> address = address("198.51.100.1");
		this.attempts.wrong(session, address);
		this.clock.advance(Duration.ofMinutes(5));
		this.attempts.wrong(session, address);
		assertThat(this.attempts.refusedUntil(session, address)).isEmpty();

		this.attempts.wrong(session, address);

		assertThat(this.attempts.refusedUntil(session, address)).contains(NOW.plus(Duration.ofMinutes(15)));
		assertThat(this.attempts.refusedUntil(new MockHttpSession(), address)).as("another session there").isEmpty();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.attempts.refusedUntil(session, address)).as("the window has ended").isEmpty();
		this.attempts.wrong(session, address);
		assertThat(this.attempts.refusedUntil(session, address)).as("a new window, one wrong code").isEmpty();
	}

	@Test
	void refusedUntilWhenAddressReachedItsLimitAcrossSessionsThenEverySessionThereRefused() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.attempts.wrong(new MockHttpSession(), address("198.51.100.2"));
		}

		assertThat(this.attempts.refusedUntil(new MockHttpSession(), address("198.51.100.2")))
			.contains(NOW.plus(Duration.ofMinutes(15)));
		assertThat(this.attempts.refusedUntil(new MockHttpSession(), address("198.51.100.3"))).isEmpty();
	}

	@Test
	void keyWhenIpv6ThenItsSlash64AndOneKeyForUnknownAddresses() throws Exception {
		assertThat(WrongCodeAttempts.key(address("2001:db8:7:1:aaaa::1")))
			.isEqualTo(WrongCodeAttempts.key(address("2001:db8:7:1:bbbb::2")))
			.isNotEqualTo(WrongCodeAttempts.key(address("2001:db8:7:2::1")));
		assertThat(WrongCodeAttempts.key(address("198.51.100.4"))).isEqualTo("198.51.100.4");
		assertThat(WrongCodeAttempts.key(Optional.empty())).isEqualTo("unknown");
	}

	@Test
	void refusedUntilWhenTwoNodesShareTheCountersThenAnAddressRefusedOnOneIsRefusedOnTheOther() throws Exception {
		InMemoryCounters shared = new InMemoryCounters(this.clock);
		WrongCodes limits = new WrongCodes(3, 5, Duration.ofMinutes(15));
		WrongCodeAttempts node1 = new WrongCodeAttempts(limits, this.clock, shared);
		WrongCodeAttempts node2 = new WrongCodeAttempts(limits, this.clock, shared);
		for (int i = 0; i < 5; i++) {
			((i % 2 == 0) ? node1 : node2).wrong(new MockHttpSession(), address("198.51.100.8"));
		}

		assertThat(node2.refusedUntil(new MockHttpSession(), address("198.51.100.8")))
			.contains(NOW.plus(Duration.ofMinutes(15)));
	}

}

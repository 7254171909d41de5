package org.readerpass.authserver.abuse;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.abuse.LoginThrottle.Refusal;
import org.readerpass.authserver.audit.RecordedSecurityEvent;
import org.readerpass.authserver.audit.SecurityEvent;
import org.readerpass.authserver.audit.SecurityEvents;
import org.readerpass.ldapsync.testsupport.MutableClock;
import org.readerpass.policy.Secret;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's bookkeeping on one store shared by two nodes; what a reader sees over HTTP is in
 * {@code e2e.ThrottlingTests}.
 */
class LoginThrottleTests {

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final List<SecurityEvent> recorded = new CopyOnWriteArrayList<>();

	private final SecurityEvents events = new SecurityEvents() {

		@Override
		public void record(SecurityEvent event) {
			LoginThrottleTests.this.recorded.add(event);
		}

		@Override
		public List<RecordedSecurityEvent> latest(String type, int limit) {
			return List.of();
		}

	};

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final CountingCounters shared = new CountingCounters(new InMemoryCounters(this.clock));

	private final AbuseProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
			"readerpass.abuse.login.account.free-failures", "5", "readerpass.abuse.login.account.lock-after", "3",
			"readerpass.abuse.login.address.free-failures", "5", "readerpass.abuse.login.address.lock-after", "4")))
		.bindOrCreate("readerpass.abuse", AbuseProperties.class);

	private LoginThrottle node() {
		return new LoginThrottle(this.shared, this.properties,
				new AccountReferences(Secret.of("test-only-identity-key-0123456789abcdef")),
				new LockEvents(this.events, this.meters), this.clock);
	}

	private static Optional<InetAddress> address(String literal) throws Exception {
		return Optional.of(InetAddress.getByName(literal));
	}

	@Test
	void failedWhenTheLockingFailureThenOneLockEventWithAnOpaqueAccountAndTheAddress() throws Exception {
		LoginThrottle node1 = node();
		LoginThrottle node2 = node();
		Optional<InetAddress> address = address("198.51.100.1");
		node1.failed("ZJ0001", address);
		node2.failed("ZJ0001", address);

		Optional<Refusal> locked = node1.failed("ZJ0001", address);

		assertThat(locked).contains(new Refusal(Duration.ofMinutes(15).toSeconds(), true));
		assertThat(node2.check("ZJ0001", address("198.51.100.2")).refusal()).as("the other node, another address")
			.contains(new Refusal(900, true));
		assertThat(this.recorded).singleElement().satisfies(event -> {
			assertThat(event.type()).isEqualTo("login.locked");
			assertThat(event.details()).containsEntry("scope", "account")
				.containsEntry("address", "198.51.100.1")
				.containsEntry("failures", "3")
				.containsKey("account");
			assertThat(event.details().values()).noneMatch(value -> value.contains("ZJ0001"));
		});
		assertThat(this.meters.get("readerpass.login.locks").tag("scope", "account").counter().count()).isOne();
	}

	@Test
	void checkWhenTheLockHasEndedThenOneUnlockEventThoughBothNodesNoticeIt() throws Exception {
		LoginThrottle node1 = node();
		LoginThrottle node2 = node();
		Optional<InetAddress> address = address("198.51.100.3");
		for (int i = 0; i < 3; i++) {
			node1.failed("ZJ0002", address);
		}
		this.clock.advance(Duration.ofMinutes(15));

		assertThat(node1.check("ZJ0002", address).refusal()).isEmpty();
		assertThat(node2.check("ZJ0002", address).refusal()).isEmpty();

		assertThat(this.recorded).extracting(SecurityEvent::type).containsExactly("login.locked", "login.unlocked");
		assertThat(this.recorded.get(1).details()).containsEntry("reason", "expired")
			.containsEntry("account", this.recorded.get(0).details().get("account"));
	}

	@Test
	void succeededWhenTheAddressHadFailuresThenOnlyTheAccountsAreForgotten() throws Exception {
		LoginThrottle throttle = node();
		Optional<InetAddress> address = address("198.51.100.4");
		throttle.failed("ZJ0003", address);
		throttle.failed("ZJ0003", address);
		throttle.succeeded(throttle.check("ZJ0003", address));
		throttle.failed("ZJ0003", address);

		Optional<Refusal> fourth = throttle.failed("ZJ0004", address);

		assertThat(fourth).as("the address's fourth failure locks it").hasValueSatisfying(r -> assertThat(r.locked()).isTrue());
		assertThat(this.recorded).singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("scope", "address").doesNotContainKey("account"));
		assertThat(throttle.check("ZJ0005", address("198.51.100.5")).refusal()).as("another address").isEmpty();
	}

	@Test
	void checkWhenTheStoreCannotCountThenLoginsGoThrough() throws Exception {
		LoginThrottle throttle = new LoginThrottle(new UnavailableCounters(this.clock), this.properties,
				new AccountReferences(Secret.of("test-only-identity-key-0123456789abcdef")),
				new LockEvents(this.events, this.meters), this.clock);
		Optional<InetAddress> address = address("198.51.100.7");
		for (int i = 0; i < 10; i++) {
			assertThat(throttle.failed("ZJ0006", address)).isEmpty();
		}

		assertThat(throttle.check("ZJ0006", address).refusal()).isEmpty();
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void checkWhenNoCardTypedThenOnlyTheAddressCounts() throws Exception {
		LoginThrottle throttle = node();
		Optional<InetAddress> address = address("198.51.100.6");
		for (int i = 0; i < 4; i++) {
			throttle.failed("", address);
		}

		assertThat(throttle.check("", address).refusal()).hasValueSatisfying(refusal -> assertThat(refusal.locked()).isTrue());
		assertThat(this.recorded).singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("scope", "address"));
	}

	@Test
	void succeededWhenTheCheckSawNoFailuresForTheAccountThenNothingToForgetAndNoRoundTrip() throws Exception {
		LoginThrottle throttle = node();
		Optional<InetAddress> address = address("198.51.100.8");
		throttle.failed("ZJ0007", address);
		this.shared.reset();

		LoginThrottle.Checked checked = throttle.check("ZJ0008", address);
		assertThat(this.shared.reset()).as("the login rate's claim, one read per scope").isEqualTo(3);
		throttle.succeeded(checked);

		assertThat(this.shared.calls()).isZero();
	}

	@Test
	void succeededWhenTheCheckSawTheAccountsFailuresThenTheyAreForgottenInOneRoundTrip() throws Exception {
		LoginThrottle throttle = node();
		Optional<InetAddress> address = address("198.51.100.9");
		throttle.failed("ZJ0009", address);
		throttle.failed("ZJ0009", address);
		LoginThrottle.Checked checked = throttle.check("ZJ0009", address);
		this.shared.reset();

		throttle.succeeded(checked);

		assertThat(this.shared.calls()).isOne();
		assertThat(throttle.failed("ZJ0009", address("198.51.100.10"))).isEmpty();
		assertThat(throttle.failed("ZJ0009", address("198.51.100.10"))).as("two since the success: no lock").isEmpty();
	}

	@Test
	void succeededWhenAFailureWasCountedOnAnotherNodeSinceACleanCheckThenItStaysAsIfCountedJustAfter() throws Exception {
		LoginThrottle node1 = node();
		LoginThrottle node2 = node();
		LoginThrottle.Checked checked = node1.check("ZJ0010", address("198.51.100.11"));

		node2.failed("ZJ0010", address("198.51.100.12"));
		node1.succeeded(checked);

		node2.failed("ZJ0010", address("198.51.100.12"));
		assertThat(node2.failed("ZJ0010", address("198.51.100.12"))).as("the third since the clean check locks")
			.hasValueSatisfying(refusal -> assertThat(refusal.locked()).isTrue());
	}

	@Test
	void succeededWhenTheAccountsFailuresEndedLessThanAMinuteAgoThenStillForgotten() throws Exception {
		LoginThrottle throttle = node();
		Optional<InetAddress> address = address("198.51.100.13");
		throttle.failed("ZJ0011", address);
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(30));
		LoginThrottle.Checked ended = throttle.check("ZJ0011", address);
		this.shared.reset();

		throttle.succeeded(ended);

		assertThat(this.shared.reset()).as("a node whose clock lags may still see it open: forgotten").isOne();
		this.clock.advance(Duration.ofMinutes(1));
		LoginThrottle.Checked clean = throttle.check("ZJ0011", address);
		this.shared.reset();
		throttle.succeeded(clean);
		assertThat(this.shared.calls()).isZero();
	}

	@Test
	void releaseAccountWhenLockedThenTheLockAndFailuresForgottenInOneRoundTripAfterItsRead() throws Exception {
		LoginThrottle throttle = node();
		Optional<InetAddress> address = address("198.51.100.14");
		for (int i = 0; i < 3; i++) {
			throttle.failed("ZJ0012", address);
		}
		throttle.failed("ZJ0012", address("198.51.100.15"));
		this.shared.reset();

		assertThat(throttle.releaseAccount("ZJ0012", "zj-admin")).isTrue();

		assertThat(this.shared.calls()).isEqualTo(2);
		assertThat(throttle.releaseAccount("ZJ0012", "zj-admin")).as("no longer locked").isFalse();
		assertThat(throttle.check("ZJ0012", address("198.51.100.15")).refusal()).isEmpty();
	}

}

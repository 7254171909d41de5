package org.readerpass.authserver.abuse;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.audit.RecordedSecurityEvent;
import org.readerpass.authserver.audit.SecurityEvent;
import org.readerpass.authserver.audit.SecurityEvents;
import org.readerpass.authserver.testsupport.TestRedisKeys;
import org.readerpass.ldapsync.testsupport.MutableClock;
import org.readerpass.ldapsync.testsupport.TestRedis;
import org.readerpass.policy.Secret;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the abuse checks of a login cost in Redis commands (each one round trip), counted by Lettuce
 * on the machine's Redis with the default limits, under a key prefix of this test. Every script is
 * run once before counting, so that Redis has it cached (a first run costs an EVALSHA refused with
 * NOSCRIPT, then the EVAL).
 */
class AbuseRoundTripsTests {

	private final MutableClock clock = new MutableClock(Instant.now());

	private final AtomicInteger commands = new AtomicInteger();

	private LettuceConnectionFactory connections;

	private String prefix;

	private final AccountReferences accounts = new AccountReferences(
			Secret.of("test-only-identity-key-0123456789abcdef"));

	private LoginThrottle throttle;

	private Rate tokens;

	@BeforeEach
	void connect() {
		this.connections = TestRedis.connect();
		this.connections.getRequiredNativeClient().addListener(new CommandListener() {

			@Override
			public void commandStarted(CommandStartedEvent event) {
				AbuseRoundTripsTests.this.commands.incrementAndGet();
			}

		});
		this.connections.resetConnection();
		this.prefix = TestRedis.uniquePrefix();
		AbuseProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("readerpass.abuse", AbuseProperties.class);
		SecurityEvents events = new SecurityEvents() {

			@Override
			public void record(SecurityEvent event) {
			}

			@Override
			public List<RecordedSecurityEvent> latest(String type, int limit) {
				return List.of();
			}

		};
		RedisCounters counters = new RedisCounters(this.connections, this.prefix, this.clock);
		this.tokens = new Rate(counters, this.clock, "token", "address", defaults.rates().tokenPerAddress(),
				defaults.rates().tokenWindow());
		this.throttle = new LoginThrottle(counters, defaults,
				this.accounts, new LockEvents(events, new SimpleMeterRegistry()), this.clock);
		mistype("ZJ0000", "198.51.100.200");
		signIn("ZJ0000", "198.51.100.200");
		this.tokens.take("198.51.100.200");
		this.commands.set(0);
	}

	@AfterEach
	void removeKeys() {
		TestRedisKeys.deleteAll(this.connections, this.prefix);
		this.connections.destroy();
	}

	private static Optional<InetAddress> address(String literal) {
		try {
			return Optional.of(InetAddress.getByName(literal));
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private void signIn(String card, String from) {
		LoginThrottle.Checked checked = this.throttle.check(card, address(from));
		assertThat(checked.refusal()).isEmpty();
		this.throttle.succeeded(checked);
	}

	private void mistype(String card, String from) {
		assertThat(this.throttle.check(card, address(from)).refusal()).isEmpty();
		this.throttle.failed(card, address(from));
	}

	@Test
	void loginWhenTheRightPasswordFromANewAddressThenItsRedisCommands() {
		signIn("ZJ0001", "198.51.100.201");

		assertThat(this.commands.get()).as("the login rate's claim, one read per scope; nothing to forget")
			.isEqualTo(3);
	}

	@Test
	void loginWhenAWrongPasswordFromANewAddressThenItsRedisCommandsAndKeysOfOneTagPerScope() {
		mistype("ZJ0002", "198.51.100.202");

		assertThat(this.commands.get()).as("3 to check, a failure counted per scope").isEqualTo(5);
		String account = this.accounts.of("ZJ0002");
		assertThat(TestRedisKeys.contents(this.connections, this.prefix).keySet()
			.stream()
			.map(key -> key.substring(this.prefix.length()))
			.filter(key -> key.contains("198.51.100.202") || key.contains(account)))
			.containsExactlyInAnyOrder("abuse:rate:login:address:198.51.100.202",
					"abuse:login:fail:address:{198.51.100.202}", "abuse:login:fail:account:{" + account + "}");
	}

	@Test
	void loginWhenTheRightPasswordAfterAWrongOneThenOneMoreToForgetTheAccountsFailure() {
		mistype("ZJ0003", "198.51.100.203");
		this.commands.set(0);

		signIn("ZJ0003", "198.51.100.203");

		assertThat(this.commands.get()).as("the login rate served from this node's chunk").isEqualTo(3);
	}

	@Test
	void loginWhenTenReadersSignInFromOneAddressThenItsRedisCommands() {
		for (int reader = 1; reader <= 10; reader++) {
			signIn("ZJ10" + reader, "198.51.100.204");
		}

		assertThat(this.commands.get()).as("2 each, and the login rate claimed 6 at a time").isEqualTo(22);
	}

	@Test
	void tokenWhenAThousandRequestsFromOneAddressThenTwoClaimsOfTheDefaultRate() {
		for (int request = 0; request < 1_000; request++) {
			assertThat(this.tokens.take("198.51.100.205")).isEmpty();
		}

		assertThat(this.commands.get()).as("50,000 a second: chunks of 500").isEqualTo(2);
	}

}

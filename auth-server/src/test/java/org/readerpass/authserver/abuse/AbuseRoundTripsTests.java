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
 * on the machine's Redis with the default limits, under a key prefix of this test. Scripts are run
 * once before counting, so that Redis has them cached (a first run costs an EVALSHA refused with
 * NOSCRIPT, then the EVAL).
 */
class AbuseRoundTripsTests {

	private final MutableClock clock = new MutableClock(Instant.now());

	private final AtomicInteger commands = new AtomicInteger();

	private LettuceConnectionFactory connections;

	private String prefix;

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
				new AccountReferences(Secret.of("test-only-identity-key-0123456789abcdef")),
				new LockEvents(events, new SimpleMeterRegistry()), this.clock);
		signIn("ZJ0000", "198.51.100.200");
		this.throttle.failed("ZJ0000", address("198.51.100.200"));
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
		assertThat(this.throttle.check(card, address(from))).isEmpty();
		this.throttle.succeeded(card);
	}

	@Test
	void loginWhenTheRightPasswordFromANewAddressThenItsRedisCommands() {
		signIn("ZJ0001", "198.51.100.201");

		assertThat(this.commands.get()).isEqualTo(7);
	}

	@Test
	void loginWhenAWrongPasswordFromANewAddressThenItsRedisCommands() {
		assertThat(this.throttle.check("ZJ0002", address("198.51.100.202"))).isEmpty();
		this.throttle.failed("ZJ0002", address("198.51.100.202"));

		assertThat(this.commands.get()).isEqualTo(7);
	}

	@Test
	void loginWhenTenReadersSignInFromOneAddressThenItsRedisCommands() {
		for (int reader = 1; reader <= 10; reader++) {
			signIn("ZJ10" + reader, "198.51.100.203");
		}

		assertThat(this.commands.get()).as("7 each, less the login rate's 4 claims of 6 saved").isEqualTo(62);
	}

	@Test
	void tokenWhenAThousandRequestsFromOneAddressThenTwoClaimsOfTheDefaultRate() {
		for (int request = 0; request < 1_000; request++) {
			assertThat(this.tokens.take("198.51.100.204")).isEmpty();
		}

		assertThat(this.commands.get()).as("50,000 a second: chunks of 500").isEqualTo(2);
	}

}

package org.readerpass.authserver.abuse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.testsupport.TestRedisKeys;
import org.readerpass.ldapsync.testsupport.MutableClock;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RedisCounters} on the machine's Redis ({@link TestRedis}), under a key prefix of this run
 * whose keys are removed afterwards; never the whole server's.
 */
class RedisCountersTests extends CountersContractTests {

	private static LettuceConnectionFactory connections;

	private String prefix;

	@BeforeAll
	static void connect() {
		connections = TestRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@Override
	Counters newCounters(MutableClock clock) {
		this.prefix = TestRedis.uniquePrefix();
		return new RedisCounters(connections, this.prefix, clock);
	}

	@AfterEach
	void removeKeys() {
		TestRedisKeys.deleteAll(connections, this.prefix);
	}

	/** This run's keys, by SCAN on its prefix. */
	private Set<String> keys() {
		return TestRedisKeys.contents(connections, this.prefix).keySet();
	}

	@Test
	void countWhenTwoNodesOnOnePrefixThenTheyShareTheCount() {
		Counters otherNode = new RedisCounters(connections, this.prefix, this.clock);

		this.counters.count("shared", Duration.ofMinutes(1));
		otherNode.count("shared", Duration.ofMinutes(1));
		Window third = this.counters.count("shared", Duration.ofMinutes(1));

		assertThat(third.count()).isEqualTo(3);
		assertThat(otherNode.peek("shared")).contains(third);
		assertThat(otherNode.forget("shared")).isTrue();
		assertThat(this.counters.forget("shared")).as("one node is told").isFalse();
	}

	@Test
	void countWhenCountedThenOneKeyUnderThePrefixThatExpiresByItself() {
		this.counters.count("card-hash", Duration.ofMinutes(1), Duration.ofMinutes(1));

		assertThat(keys()).containsExactly(this.prefix + "abuse:card-hash");
		assertThat(new StringRedisTemplate(connections).getExpire(this.prefix + "abuse:card-hash")).isBetween(1L, 120L);
	}

	@Test
	void newWhenTheKeyPrefixWouldBreakHashTagsThenRefusedAtOnce() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedisCounters(connections, "rp{x:", this.clock))
			.withMessageContaining("readerpass.redis.key-prefix");
		assertThat(new RedisCounters(connections, "{rp}:", this.clock).peekAll(List.of("a:{s}", "b:{s}")))
			.as("a prefix that is a hash tag of its own puts every key in its slot: fine")
			.containsOnly(Optional.empty());
	}

	@Test
	void countWhenRedisUnreachableThenNothingCountedAndNoException() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory("127.0.0.1", 1);
		nowhere.afterPropertiesSet();
		nowhere.start();
		try {
			Counters unreachable = new RedisCounters(nowhere, this.prefix, this.clock);

			assertThat(unreachable.count("a", Duration.ofMinutes(1)).count()).isZero();
			assertThat(unreachable.peek("a")).isEmpty();
			assertThat(unreachable.forget("a")).isFalse();
		}
		finally {
			nowhere.destroy();
		}
	}

}

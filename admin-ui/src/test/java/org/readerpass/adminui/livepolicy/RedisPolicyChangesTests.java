package org.readerpass.adminui.livepolicy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes on the machine's real Redis: a change published on one reaches the other. */
class RedisPolicyChangesTests {

	private LettuceConnectionFactory connections;

	private RedisPolicyChanges nodeA;

	private RedisPolicyChanges nodeB;

	@BeforeEach
	void twoNodes() {
		this.connections = TestRedis.connect();
		String channel = TestRedis.uniquePrefix() + "policy-changes";
		this.nodeA = new RedisPolicyChanges(this.connections, channel);
		this.nodeB = new RedisPolicyChanges(this.connections, channel);
	}

	@AfterEach
	void stop() throws Exception {
		this.nodeA.destroy();
		this.nodeB.destroy();
		this.connections.destroy();
	}

	@Test
	void publishWhenOneNodeChangesThenOtherNodeRefreshesAndPublisherOnlyOnce() throws Exception {
		AtomicInteger onA = new AtomicInteger();
		CountDownLatch onB = new CountDownLatch(1);
		this.nodeA.subscribe(onA::incrementAndGet);
		this.nodeB.subscribe(onB::countDown);
		int published = 0;
		boolean heard = false;
		// the subscription is established asynchronously: announce until it is (at most 2 s)
		while (!heard && published < 8) {
			this.nodeA.publish();
			published++;
			assertThat(onA.get()).as("the publishing node refreshes before publish() returns").isEqualTo(published);
			heard = onB.await(250, TimeUnit.MILLISECONDS);
		}
		assertThat(heard).as("the other node hears of the change").isTrue();
		Thread.sleep(200);
		assertThat(onA.get()).as("a node ignores its own announcements").isEqualTo(published);
	}

}

package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.lease.SyncLease;
import org.readerpass.ldapsync.lease.TestSyncLeases;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.MutableClock;

/**
 * Two {@link DirectoryFullSync} "nodes" sharing one in-memory {@link SyncLease} and one H2 database,
 * over the embedded ZJ demo directory. Time is a {@link MutableClock} shared by the lease and the
 * syncs; a lease is taken away mid-run from inside the read (a {@link HookedReader}).
 */
class SyncLeaseNodesTests {

	private static final String ZJ = DemoLibrary.ZJ.code();

	@RegisterExtension
	final EmbeddedDemoLibrary zj = new EmbeddedDemoLibrary(DemoLibrary.ZJ);

	private static final Duration TTL = Duration.ofSeconds(60);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

	private final SyncLease lease = TestSyncLeases.inMemory(this.clock);

	@Test
	void runWhenOtherNodeHoldsLeaseThenNotStartedUntilReleased() {
		FullSync nodeB = node(this.zj.connector());
		SyncLease.Held nodeA = this.lease.tryAcquire(ZJ, TTL).orElseThrow();
		SyncResult refused = nodeB.run(ZJ);
		assertThat(refused.runId()).isNull();
		assertThat(refused.error()).contains("another node");
		assertThat(this.zj.runs().latest(ZJ, 10)).isEmpty();
		nodeA.close();
		SyncResult result = nodeB.run(ZJ);
		assertThat(result.runId()).isNotNull();
		assertThat(result.completed()).isTrue();
		assertThat(result.counts().read()).isPositive();
		assertThat(this.lease.tryAcquire(ZJ, TTL)).as("released at the end of the run").isPresent();
	}

	@Test
	void runWhenOtherNodeRunsThenNotStartedAndAfterwardsStarts() {
		FullSync nodeB = node(this.zj.connector());
		AtomicReference<SyncResult> duringA = new AtomicReference<>();
		FullSync nodeA = node(new HookedReader(this.zj.connector(), 3, () -> duringA.set(nodeB.run(ZJ))));
		SyncResult resultA = nodeA.run(ZJ);
		assertThat(resultA.completed()).isTrue();
		assertThat(duringA.get().runId()).isNull();
		assertThat(duringA.get().error()).contains("another node");
		assertThat(nodeB.run(ZJ).completed()).isTrue();
	}

	@Test
	void runWhenLeaseTakenMidRunThenStopsAndSuspendsNobody() {
		SyncResult first = node(this.zj.connector()).run(ZJ);
		assertThat(first.completed()).isTrue();
		int present = this.zj.accounts().countPresent(ZJ);
		AtomicReference<Optional<SyncLease.Held>> taken = new AtomicReference<>();
		FullSync nodeA = node(new HookedReader(this.zj.connector(), 5, () -> {
			this.clock.advance(TTL.plusSeconds(1)); // node A stalled past its lease
			taken.set(this.lease.tryAcquire(ZJ, TTL)); // node B takes it
		}));
		SyncResult result = nodeA.run(ZJ);
		assertThat(taken.get()).isPresent();
		assertThat(result.runId()).isNotNull();
		assertThat(result.completed()).isFalse();
		assertThat(result.deletions().brakeReason()).isEqualTo(BrakeReason.LEASE_LOST);
		assertThat(result.error()).contains("lease");
		assertThat(result.deletions().missing()).isZero();
		assertThat(result.deletions().suspended()).isZero();
		assertThat(result.counts().read()).isLessThan(first.counts().read());
		assertThat(this.zj.accounts().countPresent(ZJ)).isEqualTo(present);
		SyncLease.Held nodeB = taken.get().orElseThrow();
		assertThat(nodeB.renew()).as("node A's end did not release node B's lease").isTrue();
		assertThat(this.lease.tryAcquire(ZJ, TTL)).isEmpty();
		nodeB.close();
	}

	/**
	 * A node stopped mid-run (its context closing: the coordinator closed from another thread, as a
	 * shutdown hook does) ends the run before the next entry and gives the lease back, so another
	 * node can sync the library at once instead of after the lease's time-to-live.
	 */
	@Test
	void closeWhileRunningThenRunStopsAndLeaseReleased() throws Exception {
		SyncResult first = node(this.zj.connector()).run(ZJ);
		assertThat(first.completed()).isTrue();
		int present = this.zj.accounts().countPresent(ZJ);
		AtomicReference<LibrarySyncCoordinator> coordinator = new AtomicReference<>();
		AtomicReference<Thread> closing = new AtomicReference<>();
		AtomicReference<Optional<SyncLease.Held>> afterClose = new AtomicReference<>();
		TestSyncEngines.Builder engines = engines(new HookedReader(this.zj.connector(), 5, () -> {
			// the node is told to stop while its run reads: close() waits for the run, so it runs elsewhere
			Thread thread = new Thread(() -> {
				coordinator.get().close();
				afterClose.set(this.lease.tryAcquire(ZJ, TTL)); // what another node sees once node A has stopped
			}, "node-a-stopping");
			closing.set(thread);
			thread.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!coordinator.get().closed() && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
		}));
		coordinator.set(engines.coordinator());
		FullSync nodeA = engines.full();
		SyncResult result = nodeA.run(ZJ);
		closing.get().join(Duration.ofSeconds(10).toMillis());
		assertThat(closing.get().isAlive()).as("close() returned once the run ended").isFalse();
		assertThat(result.runId()).isNotNull();
		assertThat(result.completed()).isFalse();
		assertThat(result.error()).contains("stopping");
		assertThat(result.deletions().suspended()).isZero();
		assertThat(result.counts().read()).isLessThan(first.counts().read());
		assertThat(this.zj.accounts().countPresent(ZJ)).isEqualTo(present);
		assertThat(afterClose.get()).as("released before close() returned, not left to expire").isPresent();
		afterClose.get().orElseThrow().close();
		assertThat(nodeA.run(ZJ).error()).as("a stopped node starts no new run").contains("stopping");
	}

	@Test
	void incrementalRunWhenOtherNodeHoldsLeaseThenNotStarted() {
		TestSyncEngines.Builder node = engines(this.zj.connector());
		FullSync full = node.full();
		assertThat(full.run(ZJ).completed()).isTrue();
		IncrementalSync incremental = node.incremental(this.zj.properties()::incrementalOverlap);
		try (SyncLease.Held nodeA = this.lease.tryAcquire(ZJ, TTL).orElseThrow()) {
			SyncResult refused = incremental.run(ZJ);
			assertThat(refused.runId()).isNull();
			assertThat(refused.error()).contains("another node");
		}
		SyncResult result = incremental.run(ZJ);
		assertThat(result.runId()).isNotNull();
		assertThat(result.completed()).isTrue();
	}

	private FullSync node(AccountReader reader) {
		return engines(reader).full();
	}

	/** A node over the reader, sharing the lease with the test's other nodes; batches of 2. */
	private TestSyncEngines.Builder engines(AccountReader reader) {
		return this.zj.node(reader)
			.clock(this.clock)
			.batchSize(2)
			.lease(this.lease, TTL);
	}

}

package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.testsupport.DemoLibrary;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Progress of runs in flight ({@link RunningSyncs}) and the runs' Micrometer meters, over the
 * embedded ZJ demo directory and H2. A run is looked at mid-way from inside its own read (a
 * {@link HookedReader}), so nothing waits on time.
 */
class SyncProgressAndMetricsTests {

	private static final String ZJ = DemoLibrary.ZJ.code();

	@RegisterExtension
	final EmbeddedDemoLibrary zj = new EmbeddedDemoLibrary(DemoLibrary.ZJ);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void runningWhenRunMidWayThenProgressBelowExpectedAndGoneWhenDone() {
		SyncResult first = sync(this.zj.connector(), new SimpleMeterRegistry()).run(ZJ);
		AtomicReference<LibrarySyncCoordinator> node = new AtomicReference<>();
		AtomicReference<Optional<RunningSync>> midWay = new AtomicReference<>();
		AtomicReference<List<RunningSync>> allMidWay = new AtomicReference<>();
		AtomicReference<Double> gaugeMidWay = new AtomicReference<>();
		node.set(coordinator(new HookedReader(this.zj.connector(), 5, () -> {
			midWay.set(node.get().runningSyncs().running(ZJ));
			allMidWay.set(node.get().runningSyncs().running());
			gaugeMidWay.set(this.registry.get(SyncMetrics.RUNNING).gauge().value());
		})));
		SyncResult second = new DirectoryFullSync(node.get()).run(ZJ);
		RunningSync running = midWay.get().orElseThrow();
		assertThat(running).extracting(RunningSync::runId, RunningSync::libraryCode, RunningSync::kind,
				RunningSync::started)
			.containsExactly(second.runId(), ZJ, SyncKind.FULL, second.started());
		assertThat(running.expected()).isEqualTo(first.counts().read());
		assertThat(running.done()).isEqualTo(5).isGreaterThan(0).isLessThan(running.expected());
		assertThat(allMidWay.get()).containsExactly(running);
		assertThat(gaugeMidWay.get()).isEqualTo(1.0);
		assertThat(node.get().runningSyncs().running(ZJ)).isEmpty();
		assertThat(node.get().runningSyncs().running()).isEmpty();
		assertThat(this.registry.get(SyncMetrics.RUNNING).gauge().value()).isZero();
	}

	@Test
	void runningWhenFirstRunThenNoExpectedCount() {
		AtomicReference<LibrarySyncCoordinator> node = new AtomicReference<>();
		AtomicReference<Optional<RunningSync>> midWay = new AtomicReference<>();
		node.set(coordinator(new HookedReader(this.zj.connector(), 3,
				() -> midWay.set(node.get().runningSyncs().running(ZJ)))));
		new DirectoryFullSync(node.get()).run(ZJ);
		assertThat(midWay.get()).hasValueSatisfying((running) -> {
			assertThat(running.done()).isEqualTo(3);
			assertThat(running.expected()).isNull();
		});
	}

	@Test
	void runWhenCompletedThenMetersHoldTheRunsNumbers() {
		SyncResult result = sync(this.zj.connector()).run(ZJ);
		assertThat(result.completed()).isTrue();
		assertThat(result.counts().created()).isPositive();
		assertThat(this.registry.get(SyncMetrics.DURATION)
			.tags("library", ZJ, "kind", "full", "outcome", "completed")
			.timer()
			.count()).isEqualTo(1);
		assertThat(entries("completed", "created")).isEqualTo(result.counts().created());
		assertThat(entries("completed", "updated")).isEqualTo(result.counts().updated());
		assertThat(entries("completed", "unchanged")).isEqualTo(result.counts().unchanged());
		assertThat(entries("completed", "failed")).isEqualTo(result.counts().failed());
		assertThat(entries("completed", "suspended")).isZero();
		assertThat(entries("completed", "restored")).isZero();
		assertThat(entries("completed", "purged")).isZero();

		SyncResult again = sync(this.zj.connector()).run(ZJ);
		assertThat(again.counts().unchanged()).isPositive();
		assertThat(this.registry.get(SyncMetrics.DURATION).tags("outcome", "completed").timer().count()).isEqualTo(2);
		assertThat(entries("completed", "created")).isEqualTo(result.counts().created() + again.counts().created());
		assertThat(entries("completed", "unchanged")).isEqualTo(result.counts().unchanged() + again.counts().unchanged());
	}

	@Test
	void runWhenConnectionLostThenMeasuredAsFailed() {
		SyncResult result = sync(new HookedReader(this.zj.connector(), 3, () -> this.zj.directories().stop(ZJ))).run(ZJ);
		assertThat(result.completed()).isFalse();
		assertThat(this.registry.get(SyncMetrics.DURATION)
			.tags("library", ZJ, "kind", "full", "outcome", "failed")
			.timer()
			.count()).isEqualTo(1);
		assertThat(entries("failed", "created")).isEqualTo(result.counts().created());
		assertThat(this.registry.find(SyncMetrics.DURATION).tags("outcome", "completed").timer()).isNull();
	}

	@Test
	void metersWhenRunsMeasuredThenTaggedOnlyWithLibraryKindOutcomeAndResult() {
		sync(this.zj.connector()).run(ZJ);
		Set<String> allowed = Set.of("library", "kind", "outcome", "result");
		for (Meter meter : this.registry.getMeters()) {
			assertThat(meter.getId().getTags()).as(meter.getId().getName())
				.extracting(Tag::getKey)
				.allMatch(allowed::contains);
		}
		assertThat(this.registry.get(SyncMetrics.ENTRIES).counters()).hasSize(7);
	}

	private double entries(String outcome, String result) {
		return this.registry.get(SyncMetrics.ENTRIES)
			.tags("library", ZJ, "kind", "full", "outcome", outcome, "result", result)
			.counter()
			.count();
	}

	private DirectoryFullSync sync(AccountReader reader) {
		return sync(reader, this.registry);
	}

	private DirectoryFullSync sync(AccountReader reader, SimpleMeterRegistry registry) {
		return new DirectoryFullSync(coordinator(reader, registry));
	}

	/** The running gauge follows the first node measured in a registry: one node per registry for it. */
	private LibrarySyncCoordinator coordinator(AccountReader reader) {
		return coordinator(reader, this.registry);
	}

	private LibrarySyncCoordinator coordinator(AccountReader reader, SimpleMeterRegistry registry) {
		return this.zj.node(reader)
			.batchSize(7)
			.meterRegistry(registry)
			.coordinator();
	}

}

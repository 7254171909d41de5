package org.readerpass.ldapsync.sync;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of the sync runs. Tags are the library code, the kind and the outcome (and the
 * entry result): all from small, configured sets. Never a reader id or a DN.
 */
final class SyncMetrics {

	static final String DURATION = "readerpass.sync.duration";

	static final String ENTRIES = "readerpass.sync.entries";

	static final String RUNNING = "readerpass.sync.running";

	private final MeterRegistry registry;

	SyncMetrics(MeterRegistry registry, SyncProgress progress) {
		this.registry = registry;
		Gauge.builder(RUNNING, progress, SyncProgress::count)
			.description("Sync runs in flight")
			.strongReference(true)
			.register(registry);
	}

	/** Records a run that started (one with a run id). */
	void record(SyncResult result) {
		Tags tags = Tags.of("library", result.libraryCode(), "kind", result.kind().name().toLowerCase(Locale.ROOT),
				"outcome", outcome(result));
		Timer.builder(DURATION).description("Duration of sync runs").tags(tags).register(this.registry)
			.record(result.duration());
		SyncResult.Counts counts = result.counts();
		SyncResult.Deletions deletions = result.deletions();
		count(tags, "created", counts.created());
		count(tags, "updated", counts.updated());
		count(tags, "unchanged", counts.unchanged());
		count(tags, "failed", counts.failed());
		count(tags, "suspended", deletions.suspended());
		count(tags, "restored", deletions.restored());
		count(tags, "purged", deletions.purged());
	}

	/** {@code failed} when the run stopped early, {@code braked} when the brake held suspensions back. */
	static String outcome(SyncResult result) {
		if (!result.completed()) {
			return "failed";
		}
		return result.braked() ? "braked" : "completed";
	}

	private void count(Tags tags, String entryResult, int amount) {
		Counter.builder(ENTRIES)
			.description("Directory entries handled by sync runs, by result")
			.tags(tags)
			.tag("result", entryResult)
			.register(this.registry)
			.increment(amount);
	}

}

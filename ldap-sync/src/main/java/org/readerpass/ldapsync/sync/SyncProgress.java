package org.readerpass.ldapsync.sync;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs in flight, one per library (the library's lock is held while one is here). Progress is
 * the run's own entry counter, read when asked: nothing is written per entry.
 */
final class SyncProgress implements RunningSyncs {

	private final Map<String, InFlight> runs = new ConcurrentHashMap<>();

	/** @param expected see {@link RunningSync#expected()} */
	void started(SyncRun run, SyncKind kind, Instant started, Long expected) {
		this.runs.put(run.library(), new InFlight(run, kind, started, expected));
	}

	void finished(SyncRun run) {
		this.runs.computeIfPresent(run.library(), (library, inFlight) -> (inFlight.run() == run) ? null : inFlight);
	}

	/** Runs in flight. */
	int count() {
		return this.runs.size();
	}

	@Override
	public List<RunningSync> running() {
		return this.runs.values()
			.stream()
			.map(InFlight::view)
			.sorted(Comparator.comparing(RunningSync::libraryCode))
			.toList();
	}

	@Override
	public Optional<RunningSync> running(String libraryCode) {
		return Optional.ofNullable(this.runs.get(libraryCode)).map(InFlight::view);
	}

	private record InFlight(SyncRun run, SyncKind kind, Instant started, Long expected) {

		RunningSync view() {
			return new RunningSync(this.run.id(), this.run.library(), this.kind, this.started, this.run.read(),
					this.expected);
		}

	}

}

package org.readerpass.ldapsync.sync;

import org.springframework.context.SmartLifecycle;

/**
 * Stops this node's syncs while the application context stops its lifecycle beans, after the web
 * server (graceful shutdown) and before the beans of phase 0, such as Lettuce's connection factory:
 * the schedules and persist streams first, then the runs in progress, which give their sync leases
 * back while the lease store can still be reached ({@link LibrarySyncCoordinator#close()}). Both
 * are closed again when the beans are destroyed, which does nothing more.
 */
final class SyncStop implements SmartLifecycle {

	/** After the web server's phases ({@code DEFAULT_PHASE - 1024}, {@code - 2048}), before phase 0. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final SyncScheduler scheduler;

	private final LibrarySyncCoordinator coordinator;

	private volatile boolean running;

	SyncStop(SyncScheduler scheduler, LibrarySyncCoordinator coordinator) {
		this.scheduler = scheduler;
		this.coordinator = coordinator;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		try {
			this.scheduler.close();
		}
		finally {
			this.coordinator.close();
			this.running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}

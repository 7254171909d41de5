package org.readerpass.authserver.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.HealthProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One library's directory as a health component: UP when it answered the last probe, DOWN when
 * it did not, or did not within the time box. An answer is reused for the cache TTL, and at most
 * one probe per library runs at a time, so however often health is polled (monitoring, every
 * node) a directory is never hammered. A change of state is logged once (WARN down, INFO back).
 */
final class LibraryDirectoryHealth implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(LibraryDirectoryHealth.class);

	private final String library;

	private final HealthProbe probe;

	private final Executor executor;

	private final Clock clock;

	private final Duration cacheTtl;

	private final Duration timeout;

	/** The last answer and when it came; {@code null} before the first. Guarded by this. */
	private Answer last;

	/** The probe under way, if one is. Guarded by this. */
	private CompletableFuture<Health> running;

	LibraryDirectoryHealth(String library, HealthProbe probe, Executor executor, Clock clock, Duration cacheTtl,
			Duration timeout) {
		this.library = library;
		this.probe = probe;
		this.executor = executor;
		this.clock = clock;
		this.cacheTtl = cacheTtl;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		CompletableFuture<Health> answer = refresh();
		try {
			return answer.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("failure", "no answer within " + this.timeout.toMillis() + "ms").build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
		catch (ExecutionException ex) {
			return Health.down().build();
		}
	}

	/**
	 * The answer to wait for: the last one while it is fresh, else the probe under way, else a new
	 * probe started in the background.
	 */
	synchronized CompletableFuture<Health> refresh() {
		if (this.last != null && this.clock.instant().isBefore(this.last.at().plus(this.cacheTtl))) {
			return CompletableFuture.completedFuture(this.last.health());
		}
		if (this.running == null) {
			CompletableFuture<Health> future = new CompletableFuture<>();
			this.running = future;
			this.executor.execute(() -> probe(future));
			return future;
		}
		return this.running;
	}

	private void probe(CompletableFuture<Health> future) {
		Health health;
		String why = null;
		try {
			this.probe.probe();
			health = Health.up().build();
		}
		catch (DirectoryException ex) {
			health = Health.down().withDetail("failure", ex.failure().name()).build();
			why = ex.getMessage(); // the cause (refused, timeout, TLS), never a credential
		}
		catch (RuntimeException ex) {
			health = Health.down().build();
			why = "the probe failed";
		}
		record(health, why);
		future.complete(health);
	}

	private synchronized void record(Health health, String why) {
		Status before = (this.last != null) ? this.last.health().getStatus() : null;
		Status now = health.getStatus();
		if (now.equals(Status.DOWN) && !now.equals(before)) {
			log.warn("Directory health: library={} does not answer: {}", this.library, why);
		}
		else if (now.equals(Status.UP) && Status.DOWN.equals(before)) {
			log.info("Directory health: library={} answers again", this.library);
		}
		this.last = new Answer(health, this.clock.instant());
		this.running = null;
	}

	private record Answer(Health health, Instant at) {
	}

}

package org.readerpass.authserver.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.HealthProbe;
import org.readerpass.ldapsync.connector.ReadFailure;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryDirectoryHealthTests {

	private static final Duration TTL = Duration.ofSeconds(10);

	private static final Executor INLINE = Runnable::run;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));

	@Test
	void healthWhenAskedAgainWithinCacheTtlThenDirectoryProbedOnce() {
		CountingProbe probe = new CountingProbe(null);
		LibraryDirectoryHealth health = health(probe, INLINE, Duration.ofSeconds(3));

		Health first = health.health();
		this.clock.advance(TTL.minusSeconds(1));
		Health second = health.health();

		assertThat(first.getStatus()).isEqualTo(Status.UP);
		assertThat(second.getStatus()).isEqualTo(Status.UP);
		assertThat(probe.calls.get()).isEqualTo(1);
	}

	@Test
	void healthWhenCacheTtlPassedThenDirectoryProbedAgain() {
		CountingProbe probe = new CountingProbe(null);
		LibraryDirectoryHealth health = health(probe, INLINE, Duration.ofSeconds(3));

		health.health();
		this.clock.advance(TTL);
		health.health();

		assertThat(probe.calls.get()).isEqualTo(2);
	}

	@Test
	void healthWhenDirectoryDoesNotAnswerThenDownWithTheFailureAndNoExceptionName() {
		CountingProbe probe = new CountingProbe(
				new DirectoryException(ReadFailure.UNREACHABLE, "directory unreachable: connect error (91)", null));
		LibraryDirectoryHealth health = health(probe, INLINE, Duration.ofSeconds(3));

		Health answer = health.health();

		assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
		assertThat(answer.getDetails()).containsExactly(Map.entry("failure", "UNREACHABLE"));
	}

	@Test
	void healthWhenProbeTakesLongerThanTheTimeBoxThenDownAndStillOneProbeAtATime() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		HealthProbe slow = probe(() -> {
			calls.incrementAndGet();
			await(release);
		});
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("test-probe-");
		LibraryDirectoryHealth health = health(slow, executor, Duration.ofMillis(50));

		Health first = health.health();
		Health second = health.health();
		release.countDown();
		health.refresh().get(10, TimeUnit.SECONDS);

		assertThat(first.getStatus()).isEqualTo(Status.DOWN);
		assertThat(first.getDetails()).containsEntry("failure", "no answer within 50ms");
		assertThat(second.getStatus()).isEqualTo(Status.DOWN);
		assertThat(calls.get()).as("the second request waited for the probe under way").isEqualTo(1);
		assertThat(health.health().getStatus()).as("the late answer, cached").isEqualTo(Status.UP);
		assertThat(calls.get()).isEqualTo(1);
	}

	@Test
	void streamWhenEveryLibraryAskedForThenEveryStaleLibraryIsProbedAtOnce() throws Exception {
		CountDownLatch bothStarted = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		HealthProbe waiting = probe(() -> {
			bothStarted.countDown();
			await(release);
		});
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("test-probe-");
		Map<String, LibraryDirectoryHealth> libraries = new LinkedHashMap<>();
		libraries.put("zj", health(waiting, executor, Duration.ofSeconds(3)));
		libraries.put("zj.sx", health(waiting, executor, Duration.ofSeconds(3)));
		DirectoryHealth directories = new DirectoryHealth(libraries);

		try {
			assertThat(directories.stream().map((entry) -> entry.name())).containsExactly("zj", "zj.sx");
			assertThat(bothStarted.await(10, TimeUnit.SECONDS)).as("both probes running before any component is read")
				.isTrue();
		}
		finally {
			release.countDown();
		}
	}

	private LibraryDirectoryHealth health(HealthProbe probe, Executor executor, Duration timeout) {
		return new LibraryDirectoryHealth("zj", probe, executor, this.clock, TTL, timeout);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static HealthProbe probe(Runnable probe) {
		return new CountingProbe(null) {

			@Override
			public void probe() {
				probe.run();
			}

		};
	}

	private static class CountingProbe implements HealthProbe {

		final AtomicInteger calls = new AtomicInteger();

		private final DirectoryException failure;

		CountingProbe(DirectoryException failure) {
			this.failure = failure;
		}

		@Override
		public void probe() throws DirectoryException {
			this.calls.incrementAndGet();
			if (this.failure != null) {
				throw this.failure;
			}
		}

		@Override
		public String library() {
			return "zj";
		}

		@Override
		public void close() {
		}

	}

}

package org.readerpass.ldapsync.lease;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SyncLease} does. Each test uses libraries of its own (random names), so a shared
 * store (one Redis) is fine. Expiry uses short real time-to-lives and waits, up to
 * {@link #EVENTUALLY}, until the lease can be taken: no timing is asserted beyond "eventually".
 */
public abstract class SyncLeaseContractTests {

	/** Long enough never to expire during a test. */
	protected static final Duration LONG = Duration.ofMinutes(5);

	/** Short enough to expire while a test waits. */
	protected static final Duration SHORT = Duration.ofMillis(300);

	/** How long a test waits for a short lease to expire. */
	protected static final Duration EVENTUALLY = Duration.ofSeconds(5);

	/** A lease on the implementation's store; every call may return the same store or a new view of it. */
	protected abstract SyncLease lease();

	/** Another node's view of the same store (by default, the same object). */
	protected SyncLease otherNode() {
		return lease();
	}

	protected static String library() {
		return "lib-" + UUID.randomUUID();
	}

	@Test
	void tryAcquireWhenFreeThenHeld() {
		String library = library();
		Optional<SyncLease.Held> held = lease().tryAcquire(library, LONG);
		assertThat(held).isPresent();
		assertThat(held.get().library()).isEqualTo(library);
		held.get().close();
	}

	@Test
	void tryAcquireWhenHeldByAnotherThenEmpty() {
		String library = library();
		try (SyncLease.Held held = lease().tryAcquire(library, LONG).orElseThrow()) {
			assertThat(otherNode().tryAcquire(library, LONG)).isEmpty();
			assertThat(lease().tryAcquire(library, LONG)).isEmpty();
		}
	}

	@Test
	void tryAcquireWhenReleasedThenHeld() {
		String library = library();
		lease().tryAcquire(library, LONG).orElseThrow().close();
		Optional<SyncLease.Held> again = otherNode().tryAcquire(library, LONG);
		assertThat(again).isPresent();
		again.get().close();
	}

	@Test
	void renewWhenHeldThenTrueAndStillHeld() {
		String library = library();
		try (SyncLease.Held held = lease().tryAcquire(library, LONG).orElseThrow()) {
			assertThat(held.renew()).isTrue();
			assertThat(held.renew()).isTrue();
			assertThat(otherNode().tryAcquire(library, LONG)).isEmpty();
		}
	}

	@Test
	void renewWhenReleasedThenFalse() {
		SyncLease.Held held = lease().tryAcquire(library(), LONG).orElseThrow();
		held.close();
		assertThat(held.renew()).isFalse();
		held.close(); // a second close does nothing
	}

	@Test
	void tryAcquireWhenExpiredThenAnotherHoldsAndOldHolderLostIt() throws InterruptedException {
		String library = library();
		SyncLease.Held old = lease().tryAcquire(library, SHORT).orElseThrow();
		SyncLease.Held taken = eventuallyAcquire(otherNode(), library);
		try {
			assertThat(old.renew()).isFalse();
			old.close();
			assertThat(lease().tryAcquire(library, LONG)).as("the new holder keeps the lease").isEmpty();
			assertThat(taken.renew()).isTrue();
		}
		finally {
			taken.close();
		}
		Optional<SyncLease.Held> free = lease().tryAcquire(library, LONG);
		assertThat(free).isPresent();
		free.get().close();
	}

	@Test
	void tryAcquireWhenOtherLibraryHeldThenHeld() {
		String one = library();
		String two = library();
		try (SyncLease.Held first = lease().tryAcquire(one, LONG).orElseThrow()) {
			Optional<SyncLease.Held> second = otherNode().tryAcquire(two, LONG);
			assertThat(second).isPresent();
			second.get().close();
			assertThat(first.renew()).isTrue();
			assertThat(otherNode().tryAcquire(one, LONG)).isEmpty();
		}
	}

	/** Waits (polling) until the expired lease of {@code library} can be taken for {@link #LONG}. */
	protected static SyncLease.Held eventuallyAcquire(SyncLease lease, String library) throws InterruptedException {
		long deadline = System.nanoTime() + EVENTUALLY.toNanos();
		do {
			Optional<SyncLease.Held> held = lease.tryAcquire(library, LONG);
			if (held.isPresent()) {
				return held.get();
			}
			Thread.sleep(25);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("lease of " + library + " not free after " + EVENTUALLY);
	}

}

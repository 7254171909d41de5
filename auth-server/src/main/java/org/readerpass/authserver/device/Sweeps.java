package org.readerpass.authserver.device;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When to sweep a map of this node's short-lived entries (polling paces, wrong-code windows): at
 * most once per period, by whichever request comes first once it is due.
 */
final class Sweeps {

	private final Duration every;

	private final AtomicReference<Instant> next = new AtomicReference<>(Instant.MIN);

	Sweeps(Duration every) {
		this.every = every;
	}

	/** Whether this caller sweeps now; then no other does for the period. */
	boolean due(Instant now) {
		Instant due = this.next.get();
		return now.isAfter(due) && this.next.compareAndSet(due, now.plus(this.every));
	}

}

package org.readerpass.ldapsync.lease;

import java.time.Clock;

/** Sync leases for tests outside this package and for the benchmarks. */
public final class TestSyncLeases {

	private TestSyncLeases() {
	}

	/** The one-node lease of {@link LeaseConfiguration}, on this clock. */
	public static SyncLease inMemory(Clock clock) {
		return new InMemorySyncLease(clock);
	}

}

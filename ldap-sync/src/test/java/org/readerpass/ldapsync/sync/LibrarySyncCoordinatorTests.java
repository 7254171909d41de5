package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.DirectoryAccount;
import org.readerpass.ldapsync.account.MissingAccounts;
import org.readerpass.ldapsync.account.ReaderAccountWriter;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.EntryHandler;
import org.readerpass.ldapsync.testsupport.TestDatabases;

/**
 * Closing the coordinator shuts its write-behind pool down: the threads full runs wrote on end, and
 * no full run starts afterwards. A directory of 20 entries in batches of 3, written behind.
 */
class LibrarySyncCoordinatorTests {

	private static final String ZJ = "zj";

	private final ThreadRecordingAccounts accounts = new ThreadRecordingAccounts();

	private final LibrarySyncCoordinator coordinator = TestSyncEngines
		.node(List.of(new ListedReader(ZJ, 20)), this.accounts, new JdbcSyncRuns(TestDatabases.h2()))
		.batchSize(3)
		.coordinator();

	private final DirectoryFullSync fullSync = new DirectoryFullSync(this.coordinator);

	@AfterEach
	void close() {
		this.coordinator.close();
	}

	@Test
	void closeWhenFullRunWroteBehindThenThePoolsThreadsEnd() throws InterruptedException {
		assertThat(this.fullSync.run(ZJ).completed()).isTrue();
		Set<Thread> writers = this.accounts.threads();
		assertThat(writers).isNotEmpty().doesNotContain(Thread.currentThread());

		this.coordinator.close();

		for (Thread writer : writers) {
			writer.join(TimeUnit.SECONDS.toMillis(5)); // an open cached pool keeps idle threads for 60 s
		}
		assertThat(writers).noneMatch(Thread::isAlive);
	}

	@Test
	void runWhenClosedThenNotStartedAndNothingWritten() {
		this.coordinator.close();

		SyncResult result = this.fullSync.run(ZJ);

		assertThat(result.runId()).isNull();
		assertThat(result.kind()).isEqualTo(SyncKind.FULL);
		assertThat(result.error()).contains("closed");
		assertThat(this.accounts.threads()).isEmpty();
		assertThat(this.coordinator.runningSyncs().running()).isEmpty();
	}

	/** A directory of {@code count} well-formed entries. */
	private record ListedReader(String library, int count) implements AccountReader {

		@Override
		public void readAll(EntryHandler handler) {
			for (int i = 0; i < this.count; i++) {
				String card = String.format("ZJ%04d", i);
				handler.entry(new DirectoryEntry("uid=" + card + ",ou=readers,dc=zj", "id-" + i, card, "Reader " + i,
						"ADULT", AccountStatus.ACTIVE, null, null, null, null));
			}
		}

		@Override
		public void close() {
		}

	}

	/** Accounts that record which threads wrote them; nobody is ever missing. */
	private static final class ThreadRecordingAccounts implements ReaderAccountWriter, MissingAccounts {

		private final Set<Thread> threads = Collections.synchronizedSet(new HashSet<>());

		Set<Thread> threads() {
			synchronized (this.threads) {
				return Set.copyOf(this.threads);
			}
		}

		@Override
		public WriteCounts write(List<DirectoryAccount> accounts, Instant syncedAt, UUID runId) {
			this.threads.add(Thread.currentThread());
			return new WriteCounts(accounts.size(), 0, 0);
		}

		@Override
		public void markSeen(String libraryCode, List<String> directoryIds, Instant at, UUID runId) {
		}

		@Override
		public int countPresent(String libraryCode) {
			return 0;
		}

		@Override
		public int countUnseen(String libraryCode, UUID runId) {
			return 0;
		}

		@Override
		public int suspendUnseen(String libraryCode, UUID runId, Instant at) {
			return 0;
		}

		@Override
		public int suspendDeleted(String libraryCode, List<String> directoryIds, Instant at) {
			return 0;
		}

		@Override
		public int purgeMissingBefore(String libraryCode, Instant cutoff) {
			return 0;
		}

	}

}

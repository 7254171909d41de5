package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.DirectoryAccount;
import org.readerpass.ldapsync.account.ReaderAccountWriter;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.testsupport.MutableClock;
import org.readerpass.policy.Secret;

/**
 * A full run's batches are written behind the read: on another thread, one at a time, in order,
 * the reader going on with the next batch meanwhile; {@link SyncRun#flush()} returns only when all
 * are written; after a failed write nothing more is written and the run ends with the failure.
 */
@Timeout(10) // written on the reading thread, the blocking writer would hold a test forever
class SyncRunWriteBehindTests {

	private static final int BATCH = 3;

	private static final int WRITERS = 2;

	private final ExecutorService writes = Executors.newCachedThreadPool();

	private final BlockingWriter writer = new BlockingWriter();

	private final SyncRun run = new SyncRun(UUID.randomUUID(), "zj", this.writer,
			new ResidentIdHasher(Secret.of("write-behind-test-hmac-key-0123456789")),
			new MutableClock(Instant.parse("2026-11-25T02:00:00Z")), BATCH, this.writes, WRITERS);

	@AfterEach
	void stopWriter() {
		this.writer.release();
		this.writes.shutdownNow();
	}

	@Test
	void entryWhenBatchesFullThenWrittenAtOnceOnOtherThreadsWhileTheNextBatchIsRead() throws Exception {
		Thread reading = Thread.currentThread();
		entries(0, WRITERS * BATCH); // both batches handed over; their writes block
		assertThat(this.writer.started.await(5, TimeUnit.SECONDS)).isTrue();

		entries(WRITERS * BATCH, BATCH - 1); // the next batch fills meanwhile

		assertThat(this.writer.writtenCards()).isEmpty();
		assertThat(this.writer.threads).hasSize(WRITERS).doesNotContain(reading);
		this.writer.release();
		this.run.flush();
		assertThat(this.writer.writtenCards()).containsExactlyInAnyOrder(cards(0, (WRITERS + 1) * BATCH - 1));
		assertThat(this.run.result(SyncKind.FULL, Instant.EPOCH, null, new MissingAccountsBrake.Outcome(0, 0, 0, null), null)
			.counts().created()).isEqualTo((WRITERS + 1) * BATCH - 1);
	}

	@Test
	void entryWhenAsManyBatchesAsWritersBeingWrittenThenWaitsBeforeHandingOverTheNext() throws Exception {
		entries(0, WRITERS * BATCH);
		assertThat(this.writer.started.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> nextBatch = CompletableFuture.runAsync(() -> entries(WRITERS * BATCH, BATCH));

		Thread.sleep(200);
		assertThat(nextBatch).isNotDone(); // memory stays WRITERS + 1 batches
		assertThat(this.writer.batches).hasSize(WRITERS);
		this.writer.release();
		nextBatch.get(5, TimeUnit.SECONDS);
		this.run.flush();
		assertThat(this.writer.batches).hasSize(WRITERS + 1);
		assertThat(this.writer.writtenCards()).containsExactlyInAnyOrder(cards(0, (WRITERS + 1) * BATCH));
	}

	@Test
	void entryWhenWriteFailedThenFailureEndsTheRunAndNothingMoreIsHandedOver() {
		this.writer.release();
		this.writer.failing = true;

		// batch 1 fails; by the time WRITERS more are full, the reader has seen the failure
		assertThatIllegalStateException().isThrownBy(() -> entries(0, (WRITERS + 2) * BATCH))
			.withMessage("database gone");
		int handedOver = this.writer.batches.size();
		assertThatIllegalStateException().isThrownBy(this.run::flush).withMessage("database gone");
		assertThat(handedOver).isBetween(1, WRITERS);
		assertThat(this.writer.batches).hasSize(handedOver); // flush wrote nothing more
		assertThat(this.writer.writtenCards()).isEmpty();
	}

	@Test
	void abandonWhenBatchBeingWrittenThenWaitsForItAndDropsWhatWasNotHandedOver() throws Exception {
		entries(0, WRITERS * BATCH + 1);
		assertThat(this.writer.started.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> abandoned = CompletableFuture.runAsync(this.run::abandon);

		Thread.sleep(200);
		assertThat(abandoned).isNotDone();
		this.writer.release();
		abandoned.get(5, TimeUnit.SECONDS);
		this.run.flush();
		assertThat(this.writer.writtenCards()).containsExactlyInAnyOrder(cards(0, WRITERS * BATCH));
	}

	@Test
	void flushWhenInterruptedWhileWaitingThenStillWaitsForTheWritesAndKeepsTheInterrupt() throws Exception {
		entries(0, WRITERS * BATCH);
		assertThat(this.writer.started.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Boolean> flushed = new CompletableFuture<>();
		Thread flushing = new Thread(() -> {
			this.run.flush();
			flushed.complete(Thread.currentThread().isInterrupted());
		});
		flushing.start();
		Thread.sleep(100);
		flushing.interrupt();
		Thread.sleep(100);

		assertThat(flushed).isNotDone();
		this.writer.release();
		assertThat(flushed.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.writer.writtenCards()).containsExactlyInAnyOrder(cards(0, WRITERS * BATCH));
	}

	private void entries(int from, int count) {
		for (int i = from; i < from + count; i++) {
			this.run.entry(new DirectoryEntry("uid=" + card(i) + ",ou=readers,dc=zj", "id-" + i, card(i), "Reader " + i,
					"ADULT", AccountStatus.ACTIVE, null, null, null, null));
		}
	}

	private static String card(int i) {
		return String.format("ZJ%04d", i);
	}

	private static String[] cards(int from, int count) {
		String[] cards = new String[count];
		for (int i = 0; i < count; i++) {
			cards[i] = card(from + i);
		}
		return cards;
	}

	/** Blocks every write until released; records which thread wrote which batch. */
	private static final class BlockingWriter implements ReaderAccountWriter {

		/** Counted down as each of the first {@link #WRITERS} writes starts. */
		final CountDownLatch started = new CountDownLatch(WRITERS);

		final CountDownLatch released = new CountDownLatch(1);

		final List<List<DirectoryAccount>> batches = Collections.synchronizedList(new ArrayList<>());

		final List<List<DirectoryAccount>> written = Collections.synchronizedList(new ArrayList<>());

		final Set<Thread> threads = Collections.synchronizedSet(new java.util.HashSet<>());

		volatile boolean failing;

		@Override
		public WriteCounts write(List<DirectoryAccount> accounts, Instant syncedAt, UUID runId) {
			this.batches.add(accounts);
			this.threads.add(Thread.currentThread());
			this.started.countDown();
			try {
				this.released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (this.failing) {
				throw new IllegalStateException("database gone");
			}
			this.written.add(accounts);
			return new WriteCounts(accounts.size(), 0, 0);
		}

		@Override
		public void markSeen(String libraryCode, List<String> directoryIds, Instant at, UUID runId) {
		}

		void release() {
			this.released.countDown();
		}

		List<String> writtenCards() {
			synchronized (this.written) {
				return this.written.stream().flatMap(List::stream).map(DirectoryAccount::cardNumber).toList();
			}
		}

	}

}

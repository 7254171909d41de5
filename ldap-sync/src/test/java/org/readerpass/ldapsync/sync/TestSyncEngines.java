package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.readerpass.ldapsync.account.MissingAccounts;
import org.readerpass.ldapsync.account.ReaderAccountWriter;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.lease.SyncLease;
import org.readerpass.ldapsync.lease.TestSyncLeases;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.testsupport.DemoDirectories;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The sync engines of one node, for tests that say only what differs from the defaults:
 *
 * <pre class="code">
 * TestSyncEngines.Builder node = TestSyncEngines.node(connectors, accounts, runs).batchSize(7).clock(clock);
 * FullSync full = node.full();
 * IncrementalSync incremental = node.incremental(properties::incrementalOverlap);
 * </pre>
 *
 * Defaults: the demo directories' HMAC key ({@link DemoDirectories#properties()}),
 * {@link DeletionPolicy#DEFAULT}, the system clock, {@link LibrarySyncCoordinator#DEFAULT_BATCH_SIZE},
 * a {@link SimpleMeterRegistry} of its own, the in-memory lease ({@link TestSyncLeases#inMemory}) on
 * the builder's clock with {@link LibrarySyncCoordinator#DEFAULT_LEASE_TTL}. The engines one builder
 * makes share one {@link LibrarySyncCoordinator} (one node), built when the first engine is asked
 * for; the builder cannot be changed afterwards. Tests outside this package (and
 * {@code bench/ContentSyncBench.java}) get the engines through their API types, {@link FullSync},
 * {@link IncrementalSync} and {@link Streams}; this package's tests also reach the coordinator and
 * the deletion policies.
 */
public final class TestSyncEngines {

	private TestSyncEngines() {
	}

	/** One node over these directories, accounts and run records. */
	public static <A extends ReaderAccountWriter & MissingAccounts> Builder node(DirectoryConnectors connectors,
			A accounts, SyncRuns runs) {
		return new Builder(connectors, new Accounts<>(accounts), runs);
	}

	/** One node over these directories (one reader per library), accounts and run records. */
	public static <A extends ReaderAccountWriter & MissingAccounts> Builder node(
			List<? extends AccountReader> connectors, A accounts, SyncRuns runs) {
		return node(new DirectoryConnectors(connectors), accounts, runs);
	}

	/** The run records of the {@code syncRuns} bean, on this database. */
	public static SyncRuns jdbcRuns(DataSource dataSource) {
		return new JdbcSyncRuns(dataSource);
	}

	/** The accounts with both the writer's and the deletions' side, whatever their class. */
	private record Accounts<A extends ReaderAccountWriter & MissingAccounts>(A accounts) {

		LibrarySyncCoordinator coordinator(DirectoryConnectors connectors, SyncRuns runs, ResidentIdHasher hasher,
				Function<String, DeletionPolicy> policies, Clock clock, int batchSize, MeterRegistry meterRegistry,
				SyncLease lease, Duration leaseTtl, LongSupplier nanoTime) {
			return new LibrarySyncCoordinator(connectors, this.accounts, this.accounts, runs, hasher, policies, clock,
					batchSize, meterRegistry, lease, leaseTtl, nanoTime);
		}

	}

	/** Builds one node's {@link LibrarySyncCoordinator} and the engines that share it. */
	public static final class Builder implements AutoCloseable {

		private final DirectoryConnectors connectors;

		private final Accounts<?> accounts;

		private final SyncRuns runs;

		private ResidentIdHasher hasher;

		private Function<String, DeletionPolicy> policies = (library) -> DeletionPolicy.DEFAULT;

		private Clock clock = Clock.systemUTC();

		private int batchSize = LibrarySyncCoordinator.DEFAULT_BATCH_SIZE;

		private MeterRegistry meterRegistry;

		private SyncLease lease;

		private Duration leaseTtl = LibrarySyncCoordinator.DEFAULT_LEASE_TTL;

		private LongSupplier nanoTime = System::nanoTime;

		private LibrarySyncCoordinator coordinator;

		private Builder(DirectoryConnectors connectors, Accounts<?> accounts, SyncRuns runs) {
			this.connectors = connectors;
			this.accounts = accounts;
			this.runs = runs;
		}

		public Builder hasher(ResidentIdHasher hasher) {
			unbuilt().hasher = hasher;
			return this;
		}

		/** Each library's policy as configured ({@link DeletionPolicy#from}). */
		public Builder policies(DirectoryProperties properties) {
			return policies(DeletionPolicy.from(properties));
		}

		/** Each library's policy. */
		Builder policies(Function<String, DeletionPolicy> policies) {
			unbuilt().policies = policies;
			return this;
		}

		/** The same policy for every library. */
		Builder policy(DeletionPolicy policy) {
			return policies((library) -> policy);
		}

		public Builder clock(Clock clock) {
			unbuilt().clock = clock;
			return this;
		}

		public Builder batchSize(int batchSize) {
			unbuilt().batchSize = batchSize;
			return this;
		}

		public Builder meterRegistry(MeterRegistry meterRegistry) {
			unbuilt().meterRegistry = meterRegistry;
			return this;
		}

		/** The lease every node shares, and its time-to-live. */
		public Builder lease(SyncLease lease, Duration leaseTtl) {
			unbuilt().lease = lease;
			this.leaseTtl = leaseTtl;
			return this;
		}

		/**
		 * The node's monotonic clock, which measures how far a directory that cannot tell its time has
		 * moved since a run started ({@code System::nanoTime} unless set).
		 */
		Builder nanoTime(LongSupplier nanoTime) {
			unbuilt().nanoTime = nanoTime;
			return this;
		}

		/** The node's coordinator (built on the first call; the engines share it). */
		LibrarySyncCoordinator coordinator() {
			if (this.coordinator == null) {
				ResidentIdHasher hasher = (this.hasher != null) ? this.hasher
						: new ResidentIdHasher(DemoDirectories.properties().identityHmacKey());
				MeterRegistry meterRegistry = (this.meterRegistry != null) ? this.meterRegistry
						: new SimpleMeterRegistry();
				SyncLease lease = (this.lease != null) ? this.lease : TestSyncLeases.inMemory(this.clock);
				this.coordinator = this.accounts.coordinator(this.connectors, this.runs, hasher, this.policies,
						this.clock, this.batchSize, meterRegistry, lease, this.leaseTtl, this.nanoTime);
			}
			return this.coordinator;
		}

		public FullSync full() {
			return new DirectoryFullSync(coordinator());
		}

		/** @param overlaps each library's {@code incremental-overlap} */
		public IncrementalSync incremental(Function<String, Duration> overlaps) {
			return new DirectoryIncrementalSync(coordinator(), overlaps);
		}

		/** The node's content-sync (refreshAndPersist) streams, with the application's back-offs. */
		public Streams streams() {
			return new Streams(new ContentSyncStreams(coordinator()));
		}

		/** Streams that restart after a failure after these back-offs (short ones keep tests fast). */
		ContentSyncStreams streams(Duration firstBackoff, Duration maxBackoff) {
			return new ContentSyncStreams(coordinator(), firstBackoff, maxBackoff);
		}

		/** Closes the node's coordinator, if built: shuts its write-behind pool down. */
		@Override
		public void close() {
			if (this.coordinator != null) {
				this.coordinator.close();
			}
		}

		private Builder unbuilt() {
			if (this.coordinator != null) {
				throw new IllegalStateException("the node's engines are built: configure the builder first");
			}
			return this;
		}

	}

	/** A node's content-sync streams, for code outside this package. */
	public static final class Streams implements AutoCloseable {

		private final ContentSyncStreams streams;

		private Streams(ContentSyncStreams streams) {
			this.streams = streams;
		}

		/** Starts a stream for each of these libraries (each configured for content sync). */
		public void start(List<String> libraries) {
			this.streams.start(libraries);
		}

		/** Whether the library's stream has a persist search open now. */
		public boolean streaming(String library) {
			return this.streams.streaming(library);
		}

		@Override
		public void close() {
			this.streams.close();
		}

	}

}

package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.readerpass.ldapsync.account.MissingAccounts;
import org.readerpass.ldapsync.account.ReaderAccountWriter;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.lease.SyncLease;
import org.readerpass.ldapsync.linking.ResidentIdHasher;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's sync: the {@link LibrarySyncCoordinator} its engines share, the full and incremental
 * engines ({@link FullSync}, {@link IncrementalSync}), the run records ({@link SyncRuns}), the
 * runs in flight ({@link RunningSyncs}), the schedules with the content-sync streams, and the
 * start-up sync. Needs the {@link DirectoryConnectors}, the account store (as
 * {@link ReaderAccountWriter} and {@link MissingAccounts}), the {@link ResidentIdHasher} and a
 * {@link SyncLease}; imported, with what provides them, by
 * {@link org.readerpass.ldapsync.LdapSyncConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

	@Bean
	SyncRuns syncRuns(DataSource dataSource) {
		return new JdbcSyncRuns(dataSource);
	}

	/**
	 * What the node's sync engines share per library (lock, lease, progress, run records, the
	 * write-behind pool); closed after them, shutting its pool down.
	 */
	@Bean(destroyMethod = "close")
	LibrarySyncCoordinator syncCoordinator(DirectoryConnectors connectors, ReaderAccountWriter accountWriter,
			MissingAccounts missingAccounts, SyncRuns syncRuns, ResidentIdHasher residentIdHasher,
			DirectoryProperties properties, ObjectProvider<MeterRegistry> meterRegistry, SyncLease syncLease) {
		return new LibrarySyncCoordinator(connectors, accountWriter, missingAccounts, syncRuns, residentIdHasher,
				DeletionPolicy.from(properties), Clock.systemUTC(), LibrarySyncCoordinator.DEFAULT_BATCH_SIZE,
				meterRegistry.getIfAvailable(() -> Metrics.globalRegistry), syncLease, properties.leaseTtl());
	}

	@Bean
	FullSync fullSync(LibrarySyncCoordinator syncCoordinator) {
		return new DirectoryFullSync(syncCoordinator);
	}

	/** The syncs in flight, full, incremental and persist, with their progress. */
	@Bean
	RunningSyncs runningSyncs(LibrarySyncCoordinator syncCoordinator) {
		return syncCoordinator.runningSyncs();
	}

	@Bean
	IncrementalSync incrementalSync(LibrarySyncCoordinator syncCoordinator, DirectoryProperties properties) {
		return new DirectoryIncrementalSync(syncCoordinator, properties::incrementalOverlap);
	}

	/** Closed before the coordinator and the connectors (it depends on them through the syncs). */
	@Bean(destroyMethod = "close")
	SyncScheduler syncScheduler(FullSync fullSync, IncrementalSync incrementalSync,
			LibrarySyncCoordinator syncCoordinator, DirectoryProperties properties, SyncRuns syncRuns) {
		return new SyncScheduler(fullSync, incrementalSync, SyncScheduler.schedules(properties),
				new ContentSyncStreams(syncCoordinator), syncRuns, Clock.systemUTC(),
				Duration.ofSeconds(SyncScheduler.FIRST_RETRY_SECONDS));
	}

	/** Stops the syncs before the lease store's connections stop, when the context closes. */
	@Bean
	SyncStop syncStop(SyncScheduler syncScheduler, LibrarySyncCoordinator syncCoordinator) {
		return new SyncStop(syncScheduler, syncCoordinator);
	}

	@Bean
	StartupSync startupSync(FullSync fullSync, SyncScheduler syncScheduler, DirectoryProperties properties,
			SyncRuns syncRuns) {
		return new StartupSync(fullSync, properties.startupSync(), syncScheduler, properties.scheduleEnabled(),
				syncRuns);
	}

}

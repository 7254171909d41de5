package org.readerpass.ldapsync;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.readerpass.ldapsync.account.JdbcReaderAccounts;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.connector.DirectoryPasswordVerifier;
import org.readerpass.ldapsync.connector.ldap.LdapConnector;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.lease.InMemorySyncLease;
import org.readerpass.ldapsync.lease.SyncLease;
import org.readerpass.ldapsync.linking.JdbcReaderLinks;
import org.readerpass.ldapsync.linking.LinkedAccounts;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.password.PasswordVerifier;
import org.readerpass.ldapsync.sync.DeletionPolicy;
import org.readerpass.ldapsync.sync.DirectoryFullSync;
import org.readerpass.ldapsync.sync.DirectoryIncrementalSync;
import org.readerpass.ldapsync.sync.FullSync;
import org.readerpass.ldapsync.sync.IncrementalSync;
import org.readerpass.ldapsync.sync.JdbcSyncRuns;
import org.readerpass.ldapsync.sync.LibrarySyncCoordinator;
import org.readerpass.ldapsync.sync.RunningSyncs;
import org.readerpass.ldapsync.sync.ContentSyncStreams;
import org.readerpass.ldapsync.sync.StartupSync;
import org.readerpass.ldapsync.sync.SyncScheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ldap-sync beans, for an application to {@code @Import}: it needs only a {@link DataSource}
 * with this module's Flyway migration applied, and {@code readerpass.directory.*} properties.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
public class LdapSyncConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDirectories embeddedDirectories(DirectoryProperties properties) {
		return EmbeddedDirectories.start(properties);
	}

	@Bean(destroyMethod = "close")
	DirectoryConnectors directoryConnectors(DirectoryProperties properties, EmbeddedDirectories embedded) {
		return new DirectoryConnectors(properties.libraries()
			.stream()
			.map((library) -> LdapConnector.create(library, urls(library, embedded), properties.zone()))
			.toList());
	}

	@Bean
	ResidentIdHasher residentIdHasher(DirectoryProperties properties) {
		return new ResidentIdHasher(properties.identityHmacKey());
	}

	@Bean
	JdbcReaderAccounts readerAccounts(DataSource dataSource, ResidentIdHasher residentIdHasher) {
		return LinkedAccounts.jdbc(dataSource, residentIdHasher);
	}

	@Bean
	JdbcReaderLinks readerLinks(DataSource dataSource) {
		return new JdbcReaderLinks(dataSource);
	}

	@Bean
	PasswordVerifier passwordVerifier(DirectoryConnectors connectors) {
		return new DirectoryPasswordVerifier(connectors);
	}

	@Bean
	JdbcSyncRuns syncRuns(DataSource dataSource) {
		return new JdbcSyncRuns(dataSource);
	}

	/**
	 * Which node syncs a library: in memory (one node) unless {@code readerpass.directory.lease}
	 * names another kind, which the application then provides (auth-server: {@code redis}).
	 */
	@Bean
	@ConditionalOnProperty(name = "readerpass.directory.lease", havingValue = "memory", matchIfMissing = true)
	SyncLease syncLease() {
		return new InMemorySyncLease(Clock.systemUTC());
	}

	/**
	 * What the node's sync engines share per library (lock, lease, progress, run records, the
	 * write-behind pool); closed after them, shutting its pool down.
	 */
	@Bean(destroyMethod = "close")
	LibrarySyncCoordinator syncCoordinator(DirectoryConnectors connectors, JdbcReaderAccounts readerAccounts,
			JdbcSyncRuns syncRuns, ResidentIdHasher residentIdHasher, DirectoryProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry, SyncLease syncLease) {
		return new LibrarySyncCoordinator(connectors, readerAccounts, syncRuns, residentIdHasher,
				DeletionPolicy.from(properties), Clock.systemUTC(), LibrarySyncCoordinator.DEFAULT_BATCH_SIZE,
				meterRegistry.getIfAvailable(() -> Metrics.globalRegistry), syncLease, properties.leaseTtl());
	}

	@Bean
	DirectoryFullSync fullSync(LibrarySyncCoordinator syncCoordinator) {
		return new DirectoryFullSync(syncCoordinator);
	}

	/** The syncs in flight, full, incremental and persist, with their progress. */
	@Bean
	RunningSyncs runningSyncs(LibrarySyncCoordinator syncCoordinator) {
		return syncCoordinator.runningSyncs();
	}

	@Bean
	DirectoryIncrementalSync incrementalSync(LibrarySyncCoordinator syncCoordinator, DirectoryProperties properties) {
		return new DirectoryIncrementalSync(syncCoordinator, properties::incrementalOverlap);
	}

	/** Closed before the coordinator and the connectors (it depends on them through the syncs). */
	@Bean(destroyMethod = "close")
	SyncScheduler syncScheduler(DirectoryFullSync fullSync, IncrementalSync incrementalSync,
			LibrarySyncCoordinator syncCoordinator, DirectoryProperties properties, JdbcSyncRuns syncRuns) {
		return new SyncScheduler(fullSync, incrementalSync, SyncScheduler.schedules(properties),
				new ContentSyncStreams(syncCoordinator), syncRuns, Clock.systemUTC(),
				Duration.ofSeconds(SyncScheduler.FIRST_RETRY_SECONDS));
	}

	@Bean
	StartupSync startupSync(FullSync fullSync, SyncScheduler syncScheduler, DirectoryProperties properties) {
		return new StartupSync(fullSync, properties.startupSync(), syncScheduler, properties.scheduleEnabled());
	}

	private static List<URI> urls(LibraryDirectory library, EmbeddedDirectories embedded) {
		return embedded.url(library.library()).map((url) -> List.of(URI.create(url))).orElse(library.urls());
	}

}

package org.readerpass.ldapsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.lease.InMemorySyncLease;
import org.readerpass.ldapsync.lease.SyncLease;
import org.readerpass.ldapsync.sync.DirectoryFullSync;
import org.readerpass.ldapsync.linking.JdbcReaderLinks;
import org.readerpass.ldapsync.password.Password;
import org.readerpass.ldapsync.password.PasswordResult;
import org.readerpass.ldapsync.password.PasswordVerifier;
import org.readerpass.ldapsync.sync.FullSync;
import org.readerpass.ldapsync.sync.IncrementalSync;
import org.readerpass.ldapsync.sync.LibrarySyncCoordinator;
import org.readerpass.ldapsync.sync.StartupSync;
import org.readerpass.ldapsync.sync.SyncResult;
import org.readerpass.ldapsync.sync.SyncScheduler;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.TestDatabases;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The module as an application imports it: a DataSource, the demo YAML, nothing else. */
class LdapSyncConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withPropertyValues("spring.config.location=classpath:/" + DemoDirectories.YAML)
		.withBean(DataSource.class, TestDatabases::h2)
		.withUserConfiguration(LdapSyncConfiguration.class);

	@Test
	void startupSyncWhenDemoThenReadersLogInByBindAtTheirHomeLibrary() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ReaderAccounts.class)
				.hasSingleBean(JdbcReaderLinks.class)
				.hasSingleBean(PasswordVerifier.class)
				.hasSingleBean(FullSync.class)
				.hasSingleBean(StartupSync.class)
				.hasSingleBean(EmbeddedDirectories.class);
			context.getBean(StartupSync.class).run(new DefaultApplicationArguments());
			assertThat(context.getBean(SyncScheduler.class).started()).isTrue();
			ReaderAccounts accounts = context.getBean(ReaderAccounts.class);
			PasswordVerifier passwords = context.getBean(PasswordVerifier.class);
			ReaderAccount zhangWei = accounts.findByCardNumber("ZJ0001").get(0);
			ReaderAccount liNa = accounts.findByCardNumber("SX0001").get(0);
			assertThat(passwords.verify(zhangWei, password("zj0001-pass"))).isEqualTo(PasswordResult.VERIFIED);
			assertThat(passwords.verify(liNa, password("sx0001-pass"))).isEqualTo(PasswordResult.VERIFIED);
			assertThat(passwords.verify(liNa, password("zj0001-pass"))).isEqualTo(PasswordResult.REJECTED);
			assertThat(Password.of("")).as("an empty password is none: nothing to verify").isEmpty();
			assertThat(accounts.findByCardNumber("LIB8888")).hasSize(2).allSatisfy((account) -> assertThat(
					passwords.verify(account,
							password(account.libraryCode().equals("zj.sx.zhuji") ? "zhuji-8888" : "shangyu-8888")))
				.isEqualTo(PasswordResult.VERIFIED));
			context.getBean(EmbeddedDirectories.class).stop("zj.sx");
			assertThat(passwords.verify(liNa, password("sx0001-pass"))).isEqualTo(PasswordResult.DIRECTORY_UNAVAILABLE);
			assertThat(passwords.verify(zhangWei, password("zj0001-pass"))).isEqualTo(PasswordResult.VERIFIED);
		});
	}

	@Test
	void startWhenStartupSyncOffThenNothingSynced() {
		this.runner.withPropertyValues("readerpass.directory.startup-sync=false").run((context) -> {
			context.getBean(StartupSync.class).run(new DefaultApplicationArguments());
			assertThat(context.getBean(ReaderAccounts.class).findByCardNumber("ZJ0001")).isEmpty();
		});
	}

	@Test
	void startWhenScheduleOffThenSchedulerNotStarted() {
		this.runner.withPropertyValues("readerpass.directory.schedule-enabled=false").run((context) -> {
			context.getBean(StartupSync.class).run(new DefaultApplicationArguments());
			assertThat(context.getBean(ReaderAccounts.class).findByCardNumber("ZJ0001")).hasSize(1);
			assertThat(context.getBean(SyncScheduler.class).started()).isFalse();
			assertThat(context.getBean(IncrementalSync.class).run("zj").completed()).isTrue();
		});
	}

	@Test
	void closeWhenContextClosedThenSyncCoordinatorClosedAndNoFullRunStarts() {
		AtomicReference<LibrarySyncCoordinator> coordinator = new AtomicReference<>();
		this.runner.run((context) -> {
			coordinator.set(context.getBean(LibrarySyncCoordinator.class));
			assertThat(context.getBean(FullSync.class).run("zj").completed()).isTrue();
		});
		SyncResult afterClose = new DirectoryFullSync(coordinator.get()).run("zj");
		assertThat(afterClose.runId()).isNull();
		assertThat(afterClose.error()).contains("closed");
	}

	@Test
	void syncLeaseWhenApplicationDeclaresNoneThenInMemoryWithDefaultTtl() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SyncLease.class);
			assertThat(context.getBean(SyncLease.class)).isInstanceOf(InMemorySyncLease.class);
			assertThat(context.getBean(DirectoryProperties.class).leaseTtl())
				.isEqualTo(DirectoryProperties.DEFAULT_LEASE_TTL);
		});
	}

	@Test
	void syncLeaseWhenLeaseKindIsTheApplicationsThenItsBeanIsUsed() {
		new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.location=classpath:/" + DemoDirectories.YAML,
					"readerpass.directory.lease-ttl=30s", "readerpass.directory.lease=redis")
			.withBean(DataSource.class, TestDatabases::h2)
			.withUserConfiguration(ApplicationWithLease.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(SyncLease.class);
				assertThat(context.getBean(SyncLease.class)).isSameAs(ApplicationWithLease.LEASE);
				assertThat(context.getBean(DirectoryProperties.class).leaseTtl()).hasSeconds(30);
			});
	}

	@Test
	void startWhenLeaseTtlTooShortThenFailsNamingTheKey() {
		this.runner.withPropertyValues("readerpass.directory.lease-ttl=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("readerpass.directory.lease-ttl: must be between 3s and 1h"));
	}

	/** An application that imports the module and brings its own lease (as auth-server does for Redis). */
	@Configuration(proxyBeanMethods = false)
	@Import(LdapSyncConfiguration.class)
	static class ApplicationWithLease {

		static final SyncLease LEASE = new InMemorySyncLease(java.time.Clock.systemUTC());

		@Bean
		SyncLease syncLease() {
			return LEASE;
		}

	}

	private static Password password(String value) {
		return Password.of(value).orElseThrow();
	}

}

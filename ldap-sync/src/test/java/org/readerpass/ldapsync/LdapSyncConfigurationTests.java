package org.readerpass.ldapsync;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.lease.SyncLease;
import org.readerpass.ldapsync.lease.TestSyncLeases;
import org.readerpass.ldapsync.password.Password;
import org.readerpass.ldapsync.password.PasswordResult;
import org.readerpass.ldapsync.password.PasswordVerifier;
import org.readerpass.ldapsync.sync.FullSync;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.LdapSyncContexts;
import org.readerpass.ldapsync.testsupport.TestDatabases;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The module as an application imports it: a DataSource, the demo YAML, nothing else; its beans
 * through their API types. What each feature's configuration wires inside its package is tested
 * there ({@code sync.SyncConfigurationTests}, {@code linking.LinkingConfigurationTests}).
 */
class LdapSyncConfigurationTests {

	private final ApplicationContextRunner runner = LdapSyncContexts.demo();

	@Test
	void startupSyncWhenDemoThenReadersLogInByBindAtTheirHomeLibrary() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ReaderAccounts.class)
				.hasSingleBean(PasswordVerifier.class)
				.hasSingleBean(FullSync.class)
				.hasSingleBean(ApplicationRunner.class)
				.hasSingleBean(EmbeddedDirectories.class);
			assertThat(context.getBean(ApplicationRunner.class).getClass().getSimpleName()).isEqualTo("StartupSync");
			context.getBean(ApplicationRunner.class).run(new DefaultApplicationArguments());
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
			context.getBean(ApplicationRunner.class).run(new DefaultApplicationArguments());
			assertThat(context.getBean(ReaderAccounts.class).findByCardNumber("ZJ0001")).isEmpty();
		});
	}

	@Test
	void syncLeaseWhenApplicationDeclaresNoneThenInMemoryWithDefaultTtl() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SyncLease.class);
			assertThat(context.getBean(SyncLease.class).getClass().getSimpleName()).isEqualTo("InMemorySyncLease");
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

		static final SyncLease LEASE = TestSyncLeases.inMemory(java.time.Clock.systemUTC());

		@Bean
		SyncLease syncLease() {
			return LEASE;
		}

	}

	private static Password password(String value) {
		return Password.of(value).orElseThrow();
	}

}

package org.readerpass.adminui.testapp;

import javax.sql.DataSource;

import org.readerpass.adminui.AdminUiConfiguration;
import org.readerpass.adminui.livepolicy.LocalPolicyChanges;
import org.readerpass.adminui.testsupport.TestAccounts;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.testsupport.TestNetworks;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A minimal application around admin-ui, as auth-server composes it but without security: H2
 * with every Flyway migration, the test network plan, real reader accounts, in-memory change
 * signals. Scans only this package.
 */
@SpringBootApplication
@Import(AdminUiConfiguration.class)
public class AdminUiTestApplication {

	@Bean
	NetworkPlan networkPlan() {
		return TestNetworks.plan();
	}

	@Bean
	ReaderAccountStore readerAccounts(DataSource dataSource) {
		return TestAccounts.accounts(dataSource);
	}

	@Bean
	LocalPolicyChanges policyChanges() {
		return new LocalPolicyChanges();
	}

}

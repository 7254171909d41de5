package org.readerpass.adminui.synctestapp;

import org.readerpass.adminui.AdminUiConfiguration;
import org.readerpass.adminui.livepolicy.LocalPolicyChanges;
import org.readerpass.ldapsync.LdapSyncConfiguration;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.testsupport.TestNetworks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * admin-ui with ldap-sync as the server composes them, without security: H2 with every Flyway
 * migration, ldap-sync's beans over the demo network's embedded directories
 * ({@code demo-directories.yml} of ldap-sync's test-jar), in-memory change signals. Its own
 * application (not {@code testapp.AdminUiTestApplication}, whose hand-written test accounts would
 * collide with the synced ones), and no component scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ AdminUiConfiguration.class, LdapSyncConfiguration.class })
public class SyncTestApplication {

	@Bean
	NetworkPlan networkPlan() {
		return TestNetworks.plan();
	}

	@Bean
	LocalPolicyChanges policyChanges() {
		return new LocalPolicyChanges();
	}

}

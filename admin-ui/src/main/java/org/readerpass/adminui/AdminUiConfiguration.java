package org.readerpass.adminui;

import java.time.Clock;

import javax.sql.DataSource;

import org.readerpass.adminui.audit.AuditConfiguration;
import org.readerpass.adminui.audit.AuditFormat;
import org.readerpass.adminui.audit.JdbcAuditLog;
import org.readerpass.adminui.decision.DecisionConfiguration;
import org.readerpass.adminui.grant.GrantConfiguration;
import org.readerpass.adminui.grant.JdbcPolicyStore;
import org.readerpass.adminui.grant.PolicyAdministration;
import org.readerpass.adminui.livepolicy.LivePolicy;
import org.readerpass.adminui.livepolicy.PolicyChanges;
import org.readerpass.adminui.sync.SyncRunConfiguration;
import org.readerpass.adminui.web.AdminApiConfiguration;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.policy.network.NetworkPlan;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The admin-ui beans, for an application to {@code @Import}. It needs from the application:
 * <ul>
 * <li>a {@link DataSource} with the Flyway migrations applied (this module's
 * {@code db/migration/V2026_11_25_20__policy_store.sql} among them);</li>
 * <li>the {@link NetworkPlan};</li>
 * <li>{@link ReaderAccounts} (ldap-sync);</li>
 * <li>exactly one {@link PolicyChanges}: {@link org.readerpass.adminui.livepolicy.LocalPolicyChanges}
 * on one node, a pub/sub implementation across several;</li>
 * <li>optionally an {@link org.readerpass.adminui.audit.ActorResolver}, to name the OAuth client in
 * the audit.</li>
 * </ul>
 * Properties: {@code readerpass.admin.*} ({@link AdminUiProperties}). The admin API's controllers
 * ({@code /api/admin/**}) come from each feature's configuration (resources and grants, audit,
 * live policy decisions, sync runs), their error handling and OpenAPI description from
 * {@link AdminApiConfiguration}; securing them is the application's job.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminUiProperties.class)
@Import({ AdminApiConfiguration.class, GrantConfiguration.class, AuditConfiguration.class,
		DecisionConfiguration.class, SyncRunConfiguration.class })
public class AdminUiConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	JdbcPolicyStore policyStore(DataSource dataSource) {
		return new JdbcPolicyStore(dataSource, AuditFormat.json(), Clock.systemUTC());
	}

	@Bean
	JdbcAuditLog auditLog(DataSource dataSource) {
		return new JdbcAuditLog(dataSource, AuditFormat.json(), Clock.systemUTC());
	}

	/** Reads the store at once: after the database is migrated (Flyway), as the annotation asks. */
	@Bean(destroyMethod = "close")
	@DependsOnDatabaseInitialization
	LivePolicy livePolicy(NetworkPlan plan, JdbcPolicyStore store, PolicyChanges changes,
			AdminUiProperties properties) {
		return LivePolicy.start(plan, store, changes, properties.policyPollInterval(), Clock.systemUTC());
	}

	@Bean
	PolicyAdministration policyAdministration(NetworkPlan plan, JdbcPolicyStore store, PolicyChanges changes,
			AdminUiProperties properties) {
		return new PolicyAdministration(plan, store, changes, properties.timeZone());
	}

}

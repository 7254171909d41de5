package org.readerpass.adminui.decision;

import java.time.Clock;

import org.readerpass.adminui.livepolicy.LivePolicy;
import org.readerpass.ldapsync.account.ReaderAccounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live policy's API ({@code /api/admin/policy}, {@code /api/admin/decisions}). Imported by
 * {@link org.readerpass.adminui.AdminUiConfiguration}, which declares the {@link LivePolicy} it
 * reads; the readers come from ldap-sync's {@link ReaderAccounts}.
 */
@Configuration(proxyBeanMethods = false)
public class DecisionConfiguration {

	@Bean
	LivePolicyController adminLivePolicyController(LivePolicy livePolicy, ReaderAccounts accounts) {
		return new LivePolicyController(livePolicy, new ReaderContexts(accounts), Clock.systemUTC());
	}

}

package org.readerpass.adminui.decision;

import java.time.Clock;

import org.readerpass.adminui.livepolicy.LivePolicy;
import org.readerpass.adminui.livepolicy.ReaderContexts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live policy's API ({@code /api/admin/policy}, {@code /api/admin/decisions}). Imported by
 * {@link org.readerpass.adminui.AdminUiConfiguration}, which declares the {@link LivePolicy} and
 * {@link ReaderContexts} it reads.
 */
@Configuration(proxyBeanMethods = false)
public class DecisionConfiguration {

	@Bean
	LivePolicyController adminLivePolicyController(LivePolicy livePolicy, ReaderContexts contexts) {
		return new LivePolicyController(livePolicy, contexts, Clock.systemUTC());
	}

}

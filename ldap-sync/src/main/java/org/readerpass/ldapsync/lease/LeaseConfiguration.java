package org.readerpass.ldapsync.lease;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which node syncs a library: in memory (one node) unless {@code readerpass.directory.lease} names
 * another kind, which the application then provides (auth-server: {@code redis}, a
 * {@link RedisSyncLease}). Imported by {@link org.readerpass.ldapsync.LdapSyncConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class LeaseConfiguration {

	@Bean
	@ConditionalOnProperty(name = "readerpass.directory.lease", havingValue = "memory", matchIfMissing = true)
	SyncLease syncLease() {
		return new InMemorySyncLease(Clock.systemUTC());
	}

}

package org.readerpass.authserver.audit;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The security audit log, in the server's database. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	SecurityEvents securityEvents(JdbcClient jdbc, Clock clock) {
		return new JdbcSecurityEvents(jdbc, clock);
	}

}

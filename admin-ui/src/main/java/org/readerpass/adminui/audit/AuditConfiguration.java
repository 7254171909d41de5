package org.readerpass.adminui.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit API's controller ({@code /api/admin/audit}). Imported by
 * {@link org.readerpass.adminui.AdminUiConfiguration}, which declares the {@link AuditLog} it reads.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

	@Bean
	AuditController adminAuditController(AuditLog audit) {
		return new AuditController(audit);
	}

}

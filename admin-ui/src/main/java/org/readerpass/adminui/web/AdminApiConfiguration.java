package org.readerpass.adminui.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the admin REST API's features share: the error handling of every {@link AdminApi}
 * controller. (Its OpenAPI description is the application's: auth-server's {@code admin.AdminApiDocument}.)
 * The controllers themselves are declared by their features' configurations; all are imported by
 * {@link org.readerpass.adminui.AdminUiConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AdminApiConfiguration {

	@Bean
	AdminApiExceptionHandler adminApiExceptionHandler() {
		return new AdminApiExceptionHandler();
	}

}

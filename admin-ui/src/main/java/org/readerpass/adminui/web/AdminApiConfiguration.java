package org.readerpass.adminui.web;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the admin REST API's features share: the error handling of every {@link AdminApi}
 * controller, and the API's OpenAPI description (group {@code admin}: {@code /v3/api-docs/admin}).
 * The controllers themselves are declared by their features' configurations; all are imported by
 * {@link org.readerpass.adminui.AdminUiConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AdminApiConfiguration {

	@Bean
	AdminApiExceptionHandler adminApiExceptionHandler() {
		return new AdminApiExceptionHandler();
	}

	@Bean
	GroupedOpenApi adminOpenApi() {
		return GroupedOpenApi.builder()
			.group("admin")
			.displayName("ReaderPass admin API")
			.pathsToMatch("/api/admin/**")
			.addOpenApiCustomizer(openApi -> openApi.info(new Info().title("ReaderPass admin API")
				.version("1")
				.description("Resources, grants, their audit, the live policy's decisions, and directory sync runs. "
						+ "Errors are RFC 9457 problems (application/problem+json).")))
			.addOpenApiCustomizer(new AdminApiDocumentation())
			.build();
	}

}

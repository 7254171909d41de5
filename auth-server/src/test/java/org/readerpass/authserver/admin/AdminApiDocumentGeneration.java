package org.readerpass.authserver.admin;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * springdoc's description of the admin API (group {@code admin}, at {@value #PATH}{@code /admin}
 * in {@link OpenApiTests}): what {@link AdminApiDocument} serves must be exactly this. Only the
 * tests have springdoc.
 */
@TestConfiguration(proxyBeanMethods = false)
class AdminApiDocumentGeneration {

	/** Where springdoc serves what it generates (the tests' {@code config/application.yml}). */
	static final String PATH = "/v3/generated-api-docs";

	@Bean
	GroupedOpenApi adminOpenApi() {
		return GroupedOpenApi.builder()
			.group("admin")
			.displayName("ReaderPass admin API")
			.pathsToMatch("/api/admin/**")
			.addOpenApiCustomizer(openApi -> openApi.info(new Info().title("ReaderPass admin API")
				.version("1")
				.description("Resources, grants, their audit, the live policy's decisions, directory sync runs, signing keys, "
						+ "login locks and security events. "
						+ "Errors are RFC 9457 problems (application/problem+json).")))
			.addOpenApiCustomizer(new AdminApiDocumentation())
			.build();
	}

}

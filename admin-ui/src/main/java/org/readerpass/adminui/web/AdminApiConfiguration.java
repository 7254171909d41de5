package org.readerpass.adminui.api;

import java.time.Clock;

import io.swagger.v3.oas.models.info.Info;
import org.readerpass.adminui.policy.PolicyHolder;
import org.readerpass.adminui.policy.ReaderContexts;
import org.readerpass.adminui.store.PolicyStore;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.sync.FullSync;
import org.readerpass.ldapsync.sync.IncrementalSync;
import org.readerpass.ldapsync.sync.RunningSyncs;
import org.readerpass.ldapsync.sync.SyncRuns;
import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The admin REST API's controllers and error handling, declared one by one (no component scan),
 * and its OpenAPI description (group {@code admin}: {@code /v3/api-docs/admin}). Imported by
 * {@link org.readerpass.adminui.AdminUiConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AdminApiConfiguration {

	@Bean
	ResourceController adminResourceController(PolicyStore store, PolicyAdministration administration,
			ObjectProvider<ActorResolver> actors) {
		return new ResourceController(store, administration, actorResolver(actors));
	}

	@Bean
	GrantController adminGrantController(PolicyStore store, PolicyAdministration administration,
			ObjectProvider<ActorResolver> actors) {
		return new GrantController(store, administration, actorResolver(actors));
	}

	@Bean
	AuditController adminAuditController(PolicyStore store) {
		return new AuditController(store);
	}

	@Bean
	LivePolicyController adminLivePolicyController(PolicyHolder holder, ReaderContexts contexts) {
		return new LivePolicyController(holder, contexts, Clock.systemUTC());
	}

	/** The ldap-sync beans are optional: without them the sync endpoints answer 503. */
	@Bean
	SyncRunController adminSyncRunController(ObjectProvider<DirectoryConnectors> connectors,
			ObjectProvider<FullSync> fullSync, ObjectProvider<IncrementalSync> incrementalSync,
			ObjectProvider<SyncRuns> runs, ObjectProvider<RunningSyncs> running, ObjectProvider<ActorResolver> actors) {
		return new SyncRunController(connectors, fullSync, incrementalSync, runs, running, actorResolver(actors));
	}

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
			.build();
	}

	/** The application's {@link ActorResolver} bean, or {@link ActorResolver#principalName()}. */
	private static ActorResolver actorResolver(ObjectProvider<ActorResolver> actors) {
		return actors.getIfAvailable(ActorResolver::principalName);
	}

}

package org.readerpass.adminui.grant;

import org.readerpass.adminui.audit.ActorResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The resources and grants API's controllers ({@code /api/admin/resources},
 * {@code /api/admin/grants}), declared one by one (no component scan). Imported by
 * {@link org.readerpass.adminui.AdminUiConfiguration}, which declares the {@link PolicyStore} and
 * {@link PolicyAdministration} they use.
 */
@Configuration(proxyBeanMethods = false)
public class GrantConfiguration {

	@Bean
	ResourceController adminResourceController(PolicyStore store, PolicyAdministration administration,
			ObjectProvider<ActorResolver> actors) {
		return new ResourceController(store, administration, actors.getIfAvailable(ActorResolver::principalName));
	}

	@Bean
	GrantController adminGrantController(PolicyStore store, PolicyAdministration administration,
			ObjectProvider<ActorResolver> actors) {
		return new GrantController(store, administration, actors.getIfAvailable(ActorResolver::principalName));
	}

}

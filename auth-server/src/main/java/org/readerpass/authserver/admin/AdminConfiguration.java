package org.readerpass.authserver.admin;

import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.audit.ActorResolver;
import org.readerpass.ldapsync.account.ReaderAccounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Admin API access and how its callers are named in the audit. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

	@Bean
	AdminAccess adminAccess(AdminProperties properties, ReaderAccounts accounts) {
		return new AdminAccess(properties, accounts);
	}

	/** The audit names the token's subject (reader id or client id) and the client that asked. */
	@Bean
	ActorResolver actorResolver() {
		return principal -> (principal instanceof JwtAuthenticationToken token)
				? new Actor(token.getName(), token.getToken().getClaimAsString("client_id"))
				: ActorResolver.principalName().actor(principal);
	}

}

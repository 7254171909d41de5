package org.readerpass.adminui.audit;

import java.security.Principal;


/**
 * Who the audit names for a request's principal. The default takes {@code Principal.getName()}
 * only; an application whose principal knows the OAuth client (e.g. a JWT authentication with a
 * {@code client_id} claim) declares its own bean to add it.
 */
@FunctionalInterface
public interface ActorResolver {

	/** @param principal the request's principal, or {@code null} when there is none */
	Actor actor(Principal principal);

	/** {@code Principal.getName()}, no client; {@link Actor#ANONYMOUS} without a principal. */
	static ActorResolver principalName() {
		return principal -> (principal != null && principal.getName() != null && !principal.getName().isBlank())
				? new Actor(principal.getName(), null) : Actor.ANONYMOUS;
	}

}

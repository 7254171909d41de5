package org.readerpass.authserver.admin;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the admin API ({@code readerpass.admin.access}) until delegated administration along the
 * library tree arrives: a bearer token with the {@value AdminAccess#SCOPE} scope, issued either to
 * a reader named here or to an admin client through the client-credentials grant.
 *
 * @param readers admin readers as {@code <library code>:<card number>}, e.g. {@code zj:ZJ0001}
 * @param clients client ids whose client-credentials tokens may administer
 */
@Validated
@ConfigurationProperties("readerpass.admin.access")
public record AdminProperties(List<@Pattern(regexp = "[a-z][a-z0-9.-]*:[^:\\s]+") String> readers, Set<String> clients) {

	public AdminProperties {
		readers = (readers != null) ? List.copyOf(readers) : List.of();
		clients = (clients != null) ? Set.copyOf(clients) : Set.of();
	}

}

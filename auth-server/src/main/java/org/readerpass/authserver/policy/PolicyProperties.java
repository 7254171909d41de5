package org.readerpass.authserver.policy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Entitlement policy settings ({@code readerpass.policy}).
 *
 * @param seed a seed file of resources and grants loaded into an empty policy store at start
 * (the demo network uses {@code classpath:demo/demo-policy.yml}); none by default
 * @param federation values added to the {@code entitlements} of a token for a resource when the
 * reader has any action there, e.g. {@code urn:mace:dir:entitlement:common-lib-terms} for the
 * readers a licence calls members
 */
@Validated
@ConfigurationProperties("readerpass.policy")
public record PolicyProperties(String seed, List<@Valid FederationEntry> federation) {

	public PolicyProperties {
		federation = (federation != null) ? List.copyOf(federation) : List.of();
	}

	/**
	 * One federation value.
	 *
	 * @param resource the resource code
	 * @param value the value added, a URI
	 */
	public record FederationEntry(@NotBlank String resource, @NotBlank String value) {
	}

}

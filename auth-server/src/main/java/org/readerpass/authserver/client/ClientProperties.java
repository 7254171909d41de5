package org.readerpass.authserver.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The library apps registered with the server ({@code readerpass.clients}).
 *
 * @param registrations every registered client
 */
@Validated
@ConfigurationProperties("readerpass.clients")
public record ClientProperties(List<@Valid Registration> registrations) {

	public ClientProperties {
		registrations = (registrations != null) ? List.copyOf(registrations) : List.of();
	}

	/** What kind of app a client is; decides its authentication method and allowed grants. */
	public enum ClientType {

		/** A server-side web app that keeps a secret: authorization code (+ PKCE), refresh. */
		WEB,
		/** A mobile or desktop app that cannot keep a secret: authorization code + PKCE, no secret. */
		NATIVE,
		/** A back-end service: client credentials only. */
		SERVICE

	}

	/**
	 * One client.
	 *
	 * @param clientId the {@code client_id}
	 * @param name a display name
	 * @param type what kind of app it is
	 * @param secretHash the secret as {@code {sha256}...} (see {@link ClientSecretHasher});
	 * required for WEB and SERVICE clients, forbidden for NATIVE ones
	 * @param redirectUris exact redirect URIs (authorization code clients)
	 * @param scopes scopes the client may ask for
	 * @param accessTokenTtl access token lifetime
	 * @param resources codes of the resources (RFC 8707 resource servers) the client may ask
	 * tokens for; none by default
	 * @param idTokenSignedResponseAlg the algorithm of the client's ID tokens (OIDC Dynamic Client
	 * Registration's {@code id_token_signed_response_alg}): {@code RS256} (default) or {@code ES256}
	 */
	public record Registration(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}") String clientId,
			@NotBlank String name, @NotNull ClientType type, String secretHash, List<URI> redirectUris,
			@NotEmpty Set<String> scopes, @DefaultValue("10m") Duration accessTokenTtl, Set<String> resources,
			String idTokenSignedResponseAlg) {

		public Registration {
			redirectUris = (redirectUris != null) ? List.copyOf(redirectUris) : List.of();
			resources = (resources != null) ? Set.copyOf(resources) : Set.of();
		}

	}

}

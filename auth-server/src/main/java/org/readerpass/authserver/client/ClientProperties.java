package org.readerpass.authserver.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * @param refreshTokens refresh-token lifetimes per client type (web, native and device; service
 * clients get none); a type left out keeps its default ({@link #refreshTokenLifetime})
 */
@Validated
@ConfigurationProperties("readerpass.clients")
public record ClientProperties(List<@Valid Registration> registrations,
		Map<ClientType, @Valid RefreshTokenLifetime> refreshTokens) {

	/** A web portal keeps a reader signed in for a working day. */
	static final RefreshTokenLifetime WEB_DEFAULT = new RefreshTokenLifetime(Duration.ofHours(4), Duration.ofHours(10));

	/** A mobile app keeps a reader signed in for weeks while it is used. */
	static final RefreshTokenLifetime NATIVE_DEFAULT = new RefreshTokenLifetime(Duration.ofDays(30),
			Duration.ofDays(90));

	/** A TV box in a living room stays signed in for months while it is used. */
	static final RefreshTokenLifetime DEVICE_DEFAULT = new RefreshTokenLifetime(Duration.ofDays(30),
			Duration.ofDays(180));

	public ClientProperties {
		registrations = (registrations != null) ? List.copyOf(registrations) : List.of();
		refreshTokens = (refreshTokens != null) ? Map.copyOf(refreshTokens) : Map.of();
	}

	/** The refresh-token lifetime of a client type: the configured one, else its default. */
	public RefreshTokenLifetime refreshTokenLifetime(ClientType type) {
		RefreshTokenLifetime configured = this.refreshTokens.get(type);
		if (configured != null) {
			return configured;
		}
		return switch (type) {
			case NATIVE -> NATIVE_DEFAULT;
			case DEVICE -> DEVICE_DEFAULT;
			default -> WEB_DEFAULT;
		};
	}

	/**
	 * How long a reader stays signed in to an app by refresh tokens.
	 *
	 * @param idle each refresh token's lifetime: unused for longer, the reader signs in again
	 * @param absolute the longest a sign-in lasts however often the app refreshes
	 */
	public record RefreshTokenLifetime(@NotNull Duration idle, @NotNull Duration absolute) {
	}

	/** What kind of app a client is; decides its authentication method and allowed grants. */
	public enum ClientType {

		/** A server-side web app that keeps a secret: authorization code (+ PKCE), refresh. */
		WEB,
		/** A mobile or desktop app that cannot keep a secret: authorization code + PKCE, no secret. */
		NATIVE,
		/** A back-end service: client credentials only. */
		SERVICE,
		/**
		 * A device without a browser or keyboard worth the name (a digital-TV box): the device
		 * authorization grant (RFC 8628) and refresh, no secret, no redirect URI.
		 */
		DEVICE

	}

	/** Who runs an app: the network's libraries, or another personal-information handler. */
	public enum ClientParty {

		/** The network's own app: readers are not asked for consent. */
		FIRST_PARTY,
		/**
		 * A vendor's app: the reader consents, separately and explicitly, before personal data goes to
		 * it (PIPL Art. 23).
		 */
		THIRD_PARTY

	}

	/**
	 * One client.
	 *
	 * @param clientId the {@code client_id}
	 * @param name a display name
	 * @param type what kind of app it is
	 * @param secretHash the secret as {@code {sha256}...} (see {@link ClientSecretHasher});
	 * required for WEB and SERVICE clients, forbidden for NATIVE and DEVICE ones
	 * @param redirectUris exact redirect URIs (authorization code clients)
	 * @param scopes scopes the client may ask for
	 * @param accessTokenTtl access token lifetime
	 * @param resources codes of the resources (RFC 8707 resource servers) the client may ask
	 * tokens for; none by default
	 * @param postLogoutRedirectUris exact URIs the browser may be sent back to after RP-initiated
	 * logout ({@code post_logout_redirect_uri})
	 * @param backchannelLogoutUri where the app receives OIDC back-channel logout tokens; none by
	 * default
	 * @param party {@code first-party} (default) or {@code third-party}
	 * @param operator who runs the app, as readers should read it (required for a third-party app)
	 * @param library the code of the library whose app it is, named on the login page; none by
	 * default
	 * @param idTokenSignedResponseAlg the algorithm of the client's ID tokens (OIDC Dynamic Client
	 * Registration's {@code id_token_signed_response_alg}): {@code RS256} (default) or {@code ES256}
	 */
	public record Registration(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}") String clientId,
			@NotBlank String name, @NotNull ClientType type, String secretHash, List<URI> redirectUris,
			@NotEmpty Set<String> scopes, @DefaultValue("10m") Duration accessTokenTtl, Set<String> resources,
			List<URI> postLogoutRedirectUris, URI backchannelLogoutUri, @DefaultValue("first-party") ClientParty party,
			String operator, String library, String idTokenSignedResponseAlg) {

		public Registration {
			redirectUris = (redirectUris != null) ? List.copyOf(redirectUris) : List.of();
			resources = (resources != null) ? Set.copyOf(resources) : Set.of();
			postLogoutRedirectUris = (postLogoutRedirectUris != null) ? List.copyOf(postLogoutRedirectUris) : List.of();
		}

	}

}

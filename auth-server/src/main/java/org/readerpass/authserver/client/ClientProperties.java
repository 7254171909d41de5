package org.readerpass.authserver.client;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The library apps registered with the server ({@code readerpass.clients}).
 *
 * @param registrations every registered client
 * @param refreshTokens refresh-token lifetimes per client type (web, native and device; service
 * clients get none); a type left out keeps its default ({@link #refreshTokenLifetime})
 * @param allowLoopbackJwksUri whether a {@code jwks-uri} may be plain {@code http} on a loopback
 * host (demo and tests); off by default: every other {@code jwks-uri} must be {@code https}
 * @param jwksFetch how a client's {@code jwks-uri} is fetched and cached
 * @param assertion how a client assertion ({@code private_key_jwt}) is checked
 */
@Validated
@ConfigurationProperties("readerpass.clients")
public record ClientProperties(List<@Valid Registration> registrations,
		Map<ClientType, @Valid RefreshTokenLifetime> refreshTokens, boolean allowLoopbackJwksUri,
		@Valid @DefaultValue JwksFetch jwksFetch, @Valid @DefaultValue Assertion assertion) {

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

	/**
	 * Fetching a client's {@code jwks-uri}: lazily at its first assertion, then from a cache.
	 *
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for each read of the response
	 * @param sizeLimit the largest JWKS document accepted
	 * @param cacheTtl how long a fetched JWKS is used before it is fetched again
	 * @param refetchInterval an assertion naming a {@code kid} the cached JWKS lacks fetches it again,
	 * at most twice in this interval (so unknown {@code kid}s cannot make the server flood a client's
	 * host); shorter than {@code cacheTtl}
	 */
	public record JwksFetch(@NotNull @DefaultValue("2s") Duration connectTimeout,
			@NotNull @DefaultValue("2s") Duration readTimeout, @NotNull @DefaultValue("50KB") DataSize sizeLimit,
			@NotNull @DefaultValue("5m") Duration cacheTtl, @NotNull @DefaultValue("30s") Duration refetchInterval) {

		@AssertTrue(message = "connect-timeout, read-timeout and size-limit must be positive")
		public boolean isBounded() {
			return isPositive(this.connectTimeout) && isPositive(this.readTimeout) && this.sizeLimit != null
					&& this.sizeLimit.toBytes() > 0;
		}

		@AssertTrue(message = "refetch-interval must be positive and shorter than cache-ttl")
		public boolean isRefetchIntervalShorterThanCacheTtl() {
			return isPositive(this.refetchInterval) && this.cacheTtl != null
					&& this.refetchInterval.compareTo(this.cacheTtl) < 0;
		}

		private static boolean isPositive(Duration duration) {
			return duration != null && !duration.isNegative() && !duration.isZero();
		}

	}

	/**
	 * Checking a client assertion (RFC 7523 §3).
	 *
	 * @param maxLifetime how far in the future its {@code exp} may be
	 * @param replayCacheSize how many assertion ids ({@code jti}) the embedded store keeps until their
	 * {@code exp}; when full, new assertions are refused until some expire
	 */
	public record Assertion(@NotNull @DefaultValue("5m") Duration maxLifetime,
			@Positive @DefaultValue("100000") int replayCacheSize) {

		@AssertTrue(message = "max-lifetime must be positive")
		public boolean isMaxLifetimePositive() {
			return JwksFetch.isPositive(this.maxLifetime);
		}

	}

	/** How a confidential client authenticates at the token, introspection and revocation endpoints. */
	public enum AuthMethod {

		/** A shared secret: {@code client_secret_basic} or {@code client_secret_post}. */
		CLIENT_SECRET,
		/** A JWT signed with the client's private key (RFC 7523, OIDC Core §9). */
		PRIVATE_KEY_JWT

	}

	/** What {@code sub} a client sees for a reader (OIDC Core §8). */
	public enum SubjectType {

		/** The reader's own id, the same for every client. */
		PUBLIC,
		/** A value of its own for each sector (group of clients of one owner), unlinkable across sectors. */
		PAIRWISE

	}

	/**
	 * A client's public keys given inline: the {@code keys} of a JWKS (RFC 7517 §5), written in YAML
	 * or as a JSON string ({@link #of(String)}).
	 *
	 * @param keys the JWKs, public keys only
	 */
	public record Jwks(List<Map<String, Object>> keys) {

		public Jwks {
			keys = (keys != null) ? List.copyOf(keys) : List.of();
		}

		/**
		 * A JWKS written as one JSON string, {@code '{"keys":[...]}'}; configuration binding converts a
		 * string value of {@code jwks} with this method.
		 * @param json the JWKS
		 * @return its keys, not yet checked (see {@link #toJwkSet()})
		 * @throws IllegalArgumentException if it is not JSON with a {@code keys} array of objects
		 */
		@SuppressWarnings("unchecked")
		public static Jwks of(String json) {
			Object keys;
			try {
				keys = JSONObjectUtils.parse(json).get("keys");
			}
			catch (ParseException ex) {
				throw new IllegalArgumentException("jwks is not JSON: " + ex.getMessage(), ex);
			}
			if (!(keys instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
				throw new IllegalArgumentException("jwks needs a \"keys\" array of JWK objects");
			}
			return new Jwks((List<Map<String, Object>>) keys);
		}

		/** The keys as a JWKS; fails on anything that is not a well-formed JWK. */
		public JWKSet toJwkSet() throws ParseException {
			return JWKSet.parse(Map.of("keys", this.keys));
		}

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
	 * @param tokenEndpointAuthMethod how a WEB or SERVICE client authenticates; a client secret
	 * when unset; never set for NATIVE clients (they use {@code none} and PKCE)
	 * @param jwks the client's public keys inline, for {@code private_key_jwt}
	 * @param jwksUri where the client publishes its public keys, for {@code private_key_jwt}:
	 * {@code https} (plain {@code http} on loopback only with {@code allow-loopback-jwks-uri})
	 * @param subjectType {@code public} (default) or {@code pairwise}
	 * @param sectorIdentifier for a pairwise client, the host name whose clients share one
	 * {@code sub} per reader, e.g. {@code vendor.example}; by default the host of the client's
	 * redirect URIs when they are all on one host
	 */
	public record Registration(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}") String clientId,
			@NotBlank String name, @NotNull ClientType type, String secretHash, List<URI> redirectUris,
			@NotEmpty Set<String> scopes, @DefaultValue("10m") Duration accessTokenTtl, Set<String> resources,
			List<URI> postLogoutRedirectUris, URI backchannelLogoutUri, @DefaultValue("first-party") ClientParty party,
			String operator, String library, String idTokenSignedResponseAlg, AuthMethod tokenEndpointAuthMethod,
			Jwks jwks, URI jwksUri, @DefaultValue("public") SubjectType subjectType, String sectorIdentifier) {

		public Registration {
			redirectUris = (redirectUris != null) ? List.copyOf(redirectUris) : List.of();
			resources = (resources != null) ? Set.copyOf(resources) : Set.of();
			postLogoutRedirectUris = (postLogoutRedirectUris != null) ? List.copyOf(postLogoutRedirectUris) : List.of();
			subjectType = (subjectType != null) ? subjectType : SubjectType.PUBLIC;
		}

	}

}

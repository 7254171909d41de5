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
 * @param allowLoopbackJwksUri whether a {@code jwks-uri} may be plain {@code http} on a loopback
 * host (demo and tests); off by default: every other {@code jwks-uri} must be {@code https}
 * @param jwksFetch how a client's {@code jwks-uri} is fetched and cached
 * @param assertion how a client assertion ({@code private_key_jwt}) is checked
 */
@Validated
@ConfigurationProperties("readerpass.clients")
public record ClientProperties(List<@Valid Registration> registrations, boolean allowLoopbackJwksUri,
		@Valid @DefaultValue JwksFetch jwksFetch, @Valid @DefaultValue Assertion assertion) {

	public ClientProperties {
		registrations = (registrations != null) ? List.copyOf(registrations) : List.of();
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
			AuthMethod tokenEndpointAuthMethod, Jwks jwks, URI jwksUri,
			@DefaultValue("public") SubjectType subjectType, String sectorIdentifier) {

		public Registration {
			redirectUris = (redirectUris != null) ? List.copyOf(redirectUris) : List.of();
			resources = (resources != null) ? Set.copyOf(resources) : Set.of();
			subjectType = (subjectType != null) ? subjectType : SubjectType.PUBLIC;
		}

	}

}

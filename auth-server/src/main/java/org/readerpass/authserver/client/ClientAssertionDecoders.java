package org.readerpass.authserver.client;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import org.readerpass.authserver.client.ClientProperties.JwksFetch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Checks the client assertions of {@code private_key_jwt} clients (RFC 7523 §3, OIDC Core §9), for
 * the stock {@code JwtClientAssertionAuthenticationProvider}: signed with one of
 * {@link #ALGORITHMS} (never {@code none} or an HMAC) by a key of the client — inline
 * ({@value #INLINE_JWKS_SETTING} client setting) or from its {@code jwks-uri} (the
 * {@code jwkSetUrl} client setting: fetched with timeouts and a size limit, never following a
 * redirect, cached, fetched again for an unknown {@code kid} at most twice per refetch interval);
 * {@code iss} and {@code sub} the client id; {@code aud} naming the issuer or the token endpoint;
 * {@code exp} present and at most the configured lifetime ahead; a {@code jti} not seen before.
 * Any failure is the provider's {@code invalid_client}.
 */
public final class ClientAssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

	/** The algorithms a client may sign its assertions with. */
	public static final List<SignatureAlgorithm> ALGORITHMS = List.of(SignatureAlgorithm.RS256,
			SignatureAlgorithm.ES256, SignatureAlgorithm.PS256);

	/** Client setting: the client's public keys as a JWKS JSON string, when given inline. */
	static final String INLINE_JWKS_SETTING = "readerpass.jwks";

	/** What the timestamp checks tolerate between the client's clock and this server's. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final String SPEC = "https://datatracker.ietf.org/doc/html/rfc7523#section-3";

	private static final Logger log = LoggerFactory.getLogger(ClientAssertionDecoders.class);

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	private final List<String> audiences;

	private final Duration maxLifetime;

	private final JwksFetch fetch;

	private final AssertionReplayStore replays;

	private final Clock clock;

	/**
	 * @param audiences what an assertion's {@code aud} may name: this server's issuer and token
	 * endpoint URL, from configuration
	 * @param maxLifetime how far in the future an assertion's {@code exp} may be
	 * @param fetch how {@code jwks-uri}s are fetched
	 * @param replays the assertion ids already used
	 * @param clock the server's clock
	 */
	ClientAssertionDecoders(List<String> audiences, Duration maxLifetime, JwksFetch fetch,
			AssertionReplayStore replays, Clock clock) {
		this.audiences = List.copyOf(audiences);
		this.maxLifetime = maxLifetime;
		this.fetch = fetch;
		this.replays = replays;
		this.clock = clock;
	}

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		return this.decoders.computeIfAbsent(client.getId(), id -> decoder(client));
	}

	private JwtDecoder decoder(RegisteredClient client) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys(client))
			.jwsAlgorithms(algorithms -> {
				algorithms.clear();
				algorithms.addAll(ALGORITHMS);
			})
			.build();
		decoder.setJwtValidator(validator(client.getClientId()));
		return assertion -> {
			try {
				return decoder.decode(assertion);
			}
			catch (JwtException ex) {
				log.debug("Client assertion refused client={} reason={}", client.getClientId(), ex.getMessage());
				throw ex;
			}
		};
	}

	private JWKSource<SecurityContext> keys(RegisteredClient client) {
		Object inline = client.getClientSettings().getSetting(INLINE_JWKS_SETTING);
		if (inline instanceof String json) {
			try {
				return new ImmutableJWKSet<>(JWKSet.parse(json));
			}
			catch (ParseException ex) {
				throw new IllegalStateException("client " + client.getClientId() + ": inline JWKS not parsable", ex);
			}
		}
		String jwksUri = client.getClientSettings().getJwkSetUrl();
		if (jwksUri == null) {
			throw new IllegalStateException("client " + client.getClientId() + " has neither jwks nor jwks-uri");
		}
		URL url;
		try {
			url = URI.create(jwksUri).toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException("client " + client.getClientId() + ": jwks-uri is not a URL", ex);
		}
		return JWKSourceBuilder
			.create(url, new JwksRetriever(client.getClientId(), this.fetch))
			.cache(this.fetch.cacheTtl().toMillis(),
					this.fetch.connectTimeout().plus(this.fetch.readTimeout()).toMillis())
			.refreshAheadCache(false)
			.rateLimited(this.fetch.refetchInterval().toMillis())
			.retrying(false)
			.outageTolerant(false)
			.build();
	}

	private OAuth2TokenValidator<Jwt> validator(String clientId) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
		timestamps.setAllowEmptyExpiryClaim(false);
		timestamps.setClock(this.clock);
		// in order, up to the first failure: only an assertion that passed every other check uses up its jti
		List<OAuth2TokenValidator<Jwt>> checks = List.of(
				check(jwt -> clientId.equals(jwt.getClaimAsString("iss")), "iss must be the client_id"),
				check(jwt -> clientId.equals(jwt.getSubject()), "sub must be the client_id"),
				check(jwt -> jwt.getAudience() != null && jwt.getAudience().stream().anyMatch(this.audiences::contains),
						"aud must name the issuer or the token endpoint"),
				timestamps,
				check(jwt -> !jwt.getExpiresAt().isAfter(this.clock.instant().plus(this.maxLifetime).plus(CLOCK_SKEW)),
						"exp is too far in the future"),
				check(jwt -> jwt.getId() != null && !jwt.getId().isBlank(), "jti is required"),
				check(jwt -> this.replays.firstUse(clientId, jwt.getId(), keepUntil(jwt)), "jti was used before"));
		return jwt -> {
			for (OAuth2TokenValidator<Jwt> check : checks) {
				OAuth2TokenValidatorResult result = check.validate(jwt);
				if (result.hasErrors()) {
					return result;
				}
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

	private static Instant keepUntil(Jwt assertion) {
		return assertion.getExpiresAt().plus(CLOCK_SKEW);
	}

	private static OAuth2TokenValidator<Jwt> check(Predicate<Jwt> rule, String description) {
		OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, SPEC);
		return jwt -> rule.test(jwt) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
	}

	/**
	 * Fetches one client's JWKS: connect and read timeouts, a size limit, redirects refused (a
	 * redirect could lead the server anywhere; the registered URL is the only one it fetches), and
	 * every failure logged for the operators.
	 */
	private static final class JwksRetriever extends DefaultResourceRetriever {

		private final String clientId;

		JwksRetriever(String clientId, JwksFetch fetch) {
			super((int) fetch.connectTimeout().toMillis(), (int) fetch.readTimeout().toMillis(),
					(int) fetch.sizeLimit().toBytes());
			this.clientId = clientId;
		}

		@Override
		public Resource retrieveResource(URL url) throws IOException {
			try {
				return super.retrieveResource(url);
			}
			catch (IOException ex) {
				log.warn("Could not fetch a client's jwks-uri client={} uri={} reason={}", this.clientId, url,
						ex.getMessage());
				throw ex;
			}
		}

		@Override
		protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
			HttpURLConnection connection = super.openHTTPConnection(url);
			connection.setInstanceFollowRedirects(false);
			return connection;
		}

	}

}

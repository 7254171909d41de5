package org.readerpass.authserver.keys;

import org.readerpass.adminui.livepolicy.LocalPolicyChanges;
import org.readerpass.adminui.livepolicy.RedisPolicyChanges;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.readerpass.adminui.audit.ActorResolver;
import org.readerpass.adminui.audit.JdbcAuditLog;
import org.readerpass.authserver.authorization.AuthorizationStore;
import org.readerpass.authserver.authorization.NotRevoked;
import org.readerpass.authserver.issuer.IssuerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing keys, their rotation check, the JWKS they publish, the admin API's keys endpoint and the
 * decoder that checks the server's own tokens.
 */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KeysConfiguration.class);

	/**
	 * How many verified access tokens a node remembers: a decoded reader's token with its text is
	 * ~4.6 KB of heap, so ~9 MB (VerifiedTokensTests); 20,000 (until 2026-12-05) held ~90 MB, more
	 * than the old generation of the documented 80-96 MB heaps.
	 */
	static final int VERIFIED_TOKENS = 2_000;

	@Bean
	SigningKeys signingKeys(KeyProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions,
			JdbcAuditLog auditLog, Clock clock, @Value("${readerpass.data-dir:./var}") Path dataDir,
			Environment environment) {
		refuseReplacedKeys(environment);
		Path keyFile = (properties.encryptionKeyFile() != null) ? properties.encryptionKeyFile()
				: dataDir.resolve("key-encryption.key");
		JdbcSigningKeyStore store = new JdbcSigningKeyStore(jdbc);
		KeyEncryption encryption = new KeyEncryption(encryptionKey(properties, keyFile));
		KeyRotation rotation = new KeyRotation(store, encryption, new TransactionTemplate(transactions),
				properties.rotation(), new KeyAudit(auditLog));
		return new SigningKeys(properties.accessTokenAlgorithm(), store, encryption, rotation, clock);
	}

	/**
	 * Each node's rotation check, every {@code readerpass.keys.rotation.check-interval}: adds a
	 * successor that is due (one node wins, {@link KeyRotation}) and reloads what other nodes and
	 * admins changed. A failed check is logged; the keys held stay and the next check tries again.
	 */
	@Bean
	DisposableBean signingKeyRotationCheck(SigningKeys signingKeys, KeyProperties properties) {
		ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "signing-key-rotation");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.rotation().checkInterval().toMillis();
		checks.scheduleWithFixedDelay(() -> {
			try {
				signingKeys.refresh();
			}
			catch (RuntimeException ex) {
				log.error("Signing key rotation check failed; keeping the keys held", ex);
			}
		}, interval, interval, TimeUnit.MILLISECONDS);
		return checks::shutdownNow;
	}

	/** Key changes reach every node at once through Redis pub/sub (the production profile). */
	@Bean
	@ConditionalOnProperty(name = "readerpass.stores", havingValue = "redis")
	KeyChanges redisKeyChanges(SigningKeys signingKeys, RedisConnectionFactory connections,
			@Value("${readerpass.redis.key-prefix:readerpass:}") String keyPrefix) {
		return new KeyChanges(new RedisPolicyChanges(connections, keyPrefix + "key-changes"), signingKeys);
	}

	/** One node: the keys this node changed are the only ones. */
	@Bean
	@ConditionalOnMissingBean
	KeyChanges localKeyChanges(SigningKeys signingKeys) {
		return new KeyChanges(new LocalPolicyChanges(), signingKeys);
	}

	@Bean
	SigningKeyController signingKeyController(SigningKeys signingKeys, KeyChanges changes, ActorResolver actors) {
		return new SigningKeyController(signingKeys, changes, actors);
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys signingKeys) {
		return signingKeys.jwkSource();
	}

	/**
	 * Signs with the key its header names (the token customizer chooses it), by the provider
	 * {@code readerpass.keys.signing-provider} chooses ({@link SigningProviders}).
	 */
	@Bean
	ProviderJwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource, KeyProperties properties) {
		return new ProviderJwtEncoder(jwkSource, () -> SigningProviders.forSetting(properties.signingProvider()));
	}

	/** The signing provider loads once the node is ready, beside the first requests rather than before them. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> signingProviderLoad(ProviderJwtEncoder encoder) {
		return (ready) -> {
			Thread thread = new Thread(encoder::load, "signing-provider-load");
			thread.setDaemon(true);
			thread.start();
		};
	}

	/**
	 * Checks the server's own access tokens (userinfo, admin API): signed by one of its keys, typed
	 * {@code at+jwt}, naming this server as {@code iss} (RFC 9068 §4) and not revoked, so an ID
	 * token, a token naming another issuer or a revoked one is never accepted as a bearer token.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IssuerProperties issuer, AuthorizationStore authorizations,
			Clock clock) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
			.jwsAlgorithms(algorithms -> {
				algorithms.add(SignatureAlgorithm.ES256);
				algorithms.add(SignatureAlgorithm.RS256);
			})
			.build();
		// expiry and not-before on the server's clock, the one tokens are issued on
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
				new JwtTypeValidator(List.of("at+jwt", "application/at+jwt")), timestamps,
				new JwtIssuerValidator(issuer.value()), new NotRevoked(authorizations));
		decoder.setJwtValidator(validator);
		// a token seen again is not verified again: its checks other than the signature still are
		return new VerifiedTokens(decoder, validator, jwkSource, clock, VERIFIED_TOKENS);
	}

	/** {@code readerpass.keys.algorithm} set: refused, so that an operator's choice is never ignored in silence. */
	static void refuseReplacedKeys(Environment environment) {
		if (Binder.get(environment).bind("readerpass.keys.algorithm", String.class).isBound()) {
			throw new IllegalStateException("readerpass.keys.algorithm is replaced: access tokens take "
					+ "readerpass.keys.access-token-algorithm (default ES256); ID tokens are RS256 unless a client "
					+ "registers id-token-signed-response-alg (docs/configuration.md)");
		}
	}

	private static byte[] encryptionKey(KeyProperties properties, Path file) {
		if (properties.encryptionKey() != null && !properties.encryptionKey().isEmpty()) {
			return decode(properties.encryptionKey().reveal(), "readerpass.keys.encryption-key");
		}
		return decode(LocalKeyFile.readOrGenerate(file, "a key-encryption key", "readerpass.keys.encryption-key"),
				"readerpass.keys.encryption-key-file " + file);
	}

	private static byte[] decode(String base64, String where) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(where + " is not base64", ex);
		}
	}

}

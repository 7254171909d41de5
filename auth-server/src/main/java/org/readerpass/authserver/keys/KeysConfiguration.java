package org.readerpass.authserver.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.readerpass.authserver.authorization.AuthorizationStore;
import org.readerpass.authserver.authorization.NotRevoked;
import org.readerpass.authserver.issuer.IssuerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/** Signing keys, the JWKS they publish and the decoder that checks the server's own tokens. */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KeysConfiguration.class);

	@Bean
	SigningKeys signingKeys(KeyProperties properties, JdbcClient jdbc,
			@Value("${readerpass.data-dir:./var}") Path dataDir) {
		Path keyFile = (properties.encryptionKeyFile() != null) ? properties.encryptionKeyFile()
				: dataDir.resolve("key-encryption.key");
		return new SigningKeys(properties.algorithm(), new JdbcSigningKeyStore(jdbc),
				new KeyEncryption(encryptionKey(properties, keyFile)));
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys signingKeys) {
		return signingKeys.jwkSource();
	}

	/**
	 * Checks the server's own access tokens (userinfo, admin API): signed by one of its keys, typed
	 * {@code at+jwt}, naming this server as {@code iss} (RFC 9068 §4) and not revoked, so an ID
	 * token, a token naming another issuer or a revoked one is never accepted as a bearer token.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, SigningKeys signingKeys, IssuerProperties issuer,
			AuthorizationStore authorizations) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
			.jwsAlgorithms(algorithms -> {
				algorithms.add(SignatureAlgorithm.ES256);
				algorithms.add(SignatureAlgorithm.RS256);
			})
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				new JwtTypeValidator(List.of("at+jwt", "application/at+jwt")), new JwtTimestampValidator(),
				new JwtIssuerValidator(issuer.value()), new NotRevoked(authorizations)));
		return decoder;
	}

	private static byte[] encryptionKey(KeyProperties properties, Path file) {
		if (properties.encryptionKey() != null && !properties.encryptionKey().isEmpty()) {
			return decode(properties.encryptionKey().reveal(), "readerpass.keys.encryption-key");
		}
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(),
						"readerpass.keys.encryption-key-file " + file);
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: nothing more to do
			}
			log.warn("Generated a key-encryption key in {}; set readerpass.keys.encryption-key on every node of a "
					+ "cluster instead", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the key-encryption key file " + file, ex);
		}
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

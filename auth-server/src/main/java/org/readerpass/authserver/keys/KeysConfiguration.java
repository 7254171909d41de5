package org.readerpass.authserver.keys;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.readerpass.authserver.issuer.IssuerProperties;

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
	 * {@code at+jwt} and naming this server as {@code iss} (RFC 9068 §4), so an ID token or a token
	 * naming another issuer is never accepted as a bearer token.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, SigningKeys signingKeys, IssuerProperties issuer) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
			.jwsAlgorithms(algorithms -> {
				algorithms.add(SignatureAlgorithm.ES256);
				algorithms.add(SignatureAlgorithm.RS256);
			})
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				new JwtTypeValidator(List.of("at+jwt", "application/at+jwt")), new JwtTimestampValidator(),
				new JwtIssuerValidator(issuer.value())));
		return decoder;
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

package org.readerpass.authserver.keys;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.readerpass.authserver.keys.JdbcSigningKeyStore.StoredKey;
import org.readerpass.authserver.keys.KeyProperties.SigningAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * The server's signing keys: loaded from the database at start, generated once when none exists
 * for the configured algorithm, never regenerated. Every active key is published in the JWKS;
 * tokens are signed with the newest key of the configured algorithm.
 */
public final class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final SignatureAlgorithm algorithm;

	private final JWKSet jwkSet;

	private final String currentKeyId;

	SigningKeys(SigningAlgorithm algorithm, JdbcSigningKeyStore store, KeyEncryption encryption) {
		this.algorithm = SignatureAlgorithm.from(algorithm.name());
		List<StoredKey> stored = store.findActive();
		if (stored.stream().noneMatch(key -> key.algorithm().equals(algorithm.name()))) {
			StoredKey created = generate(algorithm, encryption);
			store.insert(created);
			log.info("Generated a new signing key kid={} alg={}", created.keyId(), created.algorithm());
			stored = store.findActive();
		}
		List<JWK> keys = stored.stream().map(key -> open(key, encryption)).toList();
		this.jwkSet = new JWKSet(keys);
		this.currentKeyId = stored.stream()
			.filter(key -> key.algorithm().equals(algorithm.name()))
			.findFirst()
			.orElseThrow()
			.keyId();
		log.info("Signing with kid={} alg={}; {} key(s) published", this.currentKeyId, algorithm, keys.size());
	}

	public SignatureAlgorithm algorithm() {
		return this.algorithm;
	}

	public String currentKeyId() {
		return this.currentKeyId;
	}

	public JWKSource<SecurityContext> jwkSource() {
		return new ImmutableJWKSet<>(this.jwkSet);
	}

	private static StoredKey generate(SigningAlgorithm algorithm, KeyEncryption encryption) {
		String keyId = UUID.randomUUID().toString();
		try {
			JWK jwk = switch (algorithm) {
				case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(keyId)
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.ES256)
					.generate();
				case RS256 -> new RSAKeyGenerator(2048).keyID(keyId)
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.generate();
			};
			return new StoredKey(keyId, algorithm.name(), jwk.toPublicJWK().toJSONString(),
					encryption.seal(keyId, jwk.toJSONString()), Instant.now());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate a " + algorithm + " key", ex);
		}
	}

	private static JWK open(StoredKey key, KeyEncryption encryption) {
		try {
			JWK jwk = JWK.parse(encryption.open(key.keyId(), key.sealedPrivateJwk()));
			if (!jwk.getKeyID().equals(key.keyId()) || !jwk.toPublicJWK().equals(JWK.parse(key.publicJwk()))) {
				throw new IllegalStateException("stored signing key " + key.keyId() + " does not match its public part");
			}
			return jwk;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("stored signing key " + key.keyId() + " is not a JWK", ex);
		}
	}

}

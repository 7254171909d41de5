package org.readerpass.authserver.keys;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.readerpass.policy.Secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token signing keys ({@code readerpass.keys}).
 *
 * @param algorithm the signing algorithm: {@code ES256} (default) or {@code RS256}
 * @param encryptionKey the key-encryption key that seals private keys at rest (base64 of 32
 * bytes; every node of a cluster needs the same one)
 * @param encryptionKeyFile where a single-node installation keeps a generated key-encryption key
 * when {@code encryption-key} is not set; default {@code ${readerpass.data-dir}/key-encryption.key}
 */
@Validated
@ConfigurationProperties("readerpass.keys")
public record KeyProperties(@NotNull @DefaultValue("ES256") SigningAlgorithm algorithm, Secret encryptionKey,
		Path encryptionKeyFile) {

	/** The supported JWS algorithms. */
	public enum SigningAlgorithm {

		ES256, RS256

	}

}

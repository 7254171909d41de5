package org.readerpass.authserver.keys;

import java.time.Instant;

/**
 * One signing key as stored: the public JWK in clear, the private JWK sealed
 * ({@link KeyEncryption}) until the key retires.
 *
 * @param keyId the {@code kid}
 * @param algorithm {@code ES256} or {@code RS256}
 * @param serial 1, 2, 3 ... within the algorithm: unique, so two nodes never add the same successor
 * @param publicJwk the public JWK (JSON)
 * @param sealedPrivateJwk the sealed private JWK, {@code null} once the key retired
 * @param createdAt when the key was made, and published
 * @param activatesAt from when it signs (until a key of the algorithm with a later one takes over)
 * @param retiresAt from when it is no longer published; {@code null} while no successor is planned
 */
record StoredKey(String keyId, String algorithm, int serial, String publicJwk, String sealedPrivateJwk,
		Instant createdAt, Instant activatesAt, Instant retiresAt) {

	/** Whether the key is in the JWKS at {@code at}. */
	boolean publishedAt(Instant at) {
		return this.retiresAt == null || at.isBefore(this.retiresAt);
	}

	StoredKey retiringAt(Instant at) {
		return new StoredKey(this.keyId, this.algorithm, this.serial, this.publicJwk, this.sealedPrivateJwk,
				this.createdAt, this.activatesAt, at);
	}

}

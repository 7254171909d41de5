package org.readerpass.authserver.keys;

import io.swagger.v3.oas.annotations.media.Schema;
import org.readerpass.authserver.keys.SigningKeys.KeyView;

/**
 * A signing key as the admin API shows it: never private material. Instants ISO-8601 in UTC.
 *
 * @param kid the key id tokens name
 * @param algorithm {@code ES256} or {@code RS256}
 * @param state {@code next} (published, signs from {@code activatesAt}), {@code current},
 * {@code previous} (published, no longer signs) or {@code retired} (not published)
 * @param createdAt when it was made and published
 * @param activatesAt from when it signs
 * @param retiresAt from when it is no longer published; {@code null} while no successor is planned
 */
record SigningKeyResponse(String kid, String algorithm, String state, String createdAt, String activatesAt,
		@Schema(types = { "string", "null" }, format = "date-time") String retiresAt) {

	static SigningKeyResponse of(KeyView view) {
		StoredKey key = view.key();
		return new SigningKeyResponse(key.keyId(), key.algorithm(), view.state().text(), key.createdAt().toString(),
				key.activatesAt().toString(), (key.retiresAt() != null) ? key.retiresAt().toString() : null);
	}

}

package org.readerpass.authserver.keys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing keys in the {@code signing_key} table, private parts sealed by {@link KeyEncryption}. */
final class JdbcSigningKeyStore {

	/** One stored key: public JWK in clear, private JWK sealed. */
	record StoredKey(String keyId, String algorithm, String publicJwk, String sealedPrivateJwk, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	JdbcSigningKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keys not retired, newest first. */
	List<StoredKey> findActive() {
		return this.jdbc
			.sql("select kid, algorithm, public_jwk, private_jwk_sealed, created_at from signing_key "
					+ "where retired_at is null order by created_at desc, kid")
			.query((rs, row) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	void insert(StoredKey key) {
		this.jdbc
			.sql("insert into signing_key (kid, algorithm, public_jwk, private_jwk_sealed, created_at) "
					+ "values (?, ?, ?, ?, ?)")
			.params(key.keyId(), key.algorithm(), key.publicJwk(), key.sealedPrivateJwk(),
					Timestamp.from(key.createdAt()))
			.update();
	}

}

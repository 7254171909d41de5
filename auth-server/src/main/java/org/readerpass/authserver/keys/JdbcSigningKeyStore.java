package org.readerpass.authserver.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing keys in the {@code signing_key} table (Flyway {@code V2026_11_25_10__signing_keys.sql},
 * {@code V2026_12_04_14__signing_key_rotation.sql}), private parts sealed by {@link KeyEncryption},
 * on H2 or PostgreSQL. An insert whose {@code (algorithm, serial)} is taken fails with a
 * {@link org.springframework.dao.DuplicateKeyException}: that is how two nodes never both rotate.
 */
final class JdbcSigningKeyStore {

	private static final String COLUMNS = "kid, algorithm, serial, public_jwk, private_jwk_sealed, created_at, "
			+ "activates_at, retires_at";

	private final JdbcClient jdbc;

	JdbcSigningKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every key, retired ones too, by algorithm then serial. */
	List<StoredKey> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from signing_key order by algorithm, serial")
			.query(JdbcSigningKeyStore::key)
			.list();
	}

	/** The keys published at {@code at} (not retired), by algorithm then serial. */
	List<StoredKey> findPublished(Instant at) {
		return this.jdbc
			.sql("select " + COLUMNS + " from signing_key where retires_at is null or retires_at > ? "
					+ "order by algorithm, serial")
			.param(timestamp(at))
			.query(JdbcSigningKeyStore::key)
			.list();
	}

	/** Every key of one algorithm, retired ones too, by serial. */
	List<StoredKey> findByAlgorithm(String algorithm) {
		return this.jdbc.sql("select " + COLUMNS + " from signing_key where algorithm = ? order by serial")
			.param(algorithm)
			.query(JdbcSigningKeyStore::key)
			.list();
	}

	void insert(StoredKey key) {
		this.jdbc
			.sql("insert into signing_key (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(key.keyId(), key.algorithm(), key.serial(), key.publicJwk(), key.sealedPrivateJwk(),
					timestamp(key.createdAt()), timestamp(key.activatesAt()), timestamp(key.retiresAt()))
			.update();
	}

	void retire(String keyId, Instant at) {
		this.jdbc.sql("update signing_key set retires_at = ? where kid = ?").params(timestamp(at), keyId).update();
	}

	/** Erases the sealed private part of every key retired by {@code at}; how many were erased. */
	int erasePrivatePartsRetiredBy(Instant at) {
		return this.jdbc
			.sql("update signing_key set private_jwk_sealed = null "
					+ "where private_jwk_sealed is not null and retires_at is not null and retires_at <= ?")
			.param(timestamp(at))
			.update();
	}

	private static StoredKey key(ResultSet rs, int row) throws SQLException {
		return new StoredKey(rs.getString("kid"), rs.getString("algorithm"), rs.getInt("serial"),
				rs.getString("public_jwk"), rs.getString("private_jwk_sealed"), instant(rs, "created_at"),
				instant(rs, "activates_at"), instant(rs, "retires_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static SqlParameterValue timestamp(Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
				(instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null);
	}

}

package org.readerpass.authserver.keys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readerpass.ldapsync.testsupport.TestPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys stored before rotation existed keep signing after the rotation migration
 * ({@code V2026_12_04_14__signing_key_rotation.sql}), on H2 and on the machine's PostgreSQL: each
 * numbered by age within its algorithm, signing since it was created, not retiring.
 */
class SigningKeyMigrationTests {

	private static final String BEFORE_ROTATION = "2026.11.25.20";

	private static final Instant CREATED = Instant.parse("2026-11-26T08:00:00Z");

	@RegisterExtension
	static final TestPostgres postgres = new TestPostgres();

	@Test
	void migrateWhenKeysFromBeforeRotationOnH2ThenEachSignsSinceCreatedNumberedByAge() {
		assertMigratesOldKeys(new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:readerpass-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
	}

	@Test
	void migrateWhenKeysFromBeforeRotationOnPostgresThenEachSignsSinceCreatedNumberedByAge() {
		assertMigratesOldKeys(postgres.dataSource());
	}

	private static void assertMigratesOldKeys(DataSource dataSource) {
		flyway(dataSource).target(BEFORE_ROTATION).load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		insertOldKey(jdbc, "es-old", "ES256", CREATED);
		insertOldKey(jdbc, "rs-old", "RS256", CREATED.plusSeconds(60));
		insertOldKey(jdbc, "es-newer", "ES256", CREATED.plusSeconds(3600));

		flyway(dataSource).load().migrate();

		List<StoredKey> keys = new JdbcSigningKeyStore(jdbc).findAll();
		assertThat(keys).extracting(key -> key.algorithm() + " " + key.serial() + " " + key.keyId())
			.containsExactly("ES256 1 es-old", "ES256 2 es-newer", "RS256 1 rs-old");
		assertThat(keys).allSatisfy(key -> {
			assertThat(key.activatesAt()).isEqualTo(key.createdAt());
			assertThat(key.retiresAt()).isNull();
			assertThat(key.sealedPrivateJwk()).isEqualTo("sealed-" + key.keyId());
		});
	}

	private static void insertOldKey(JdbcClient jdbc, String kid, String algorithm, Instant createdAt) {
		jdbc.sql("insert into signing_key (kid, algorithm, public_jwk, private_jwk_sealed, created_at) "
				+ "values (?, ?, '{}', ?, ?)")
			.params(kid, algorithm, "sealed-" + kid, Timestamp.from(createdAt))
			.update();
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
	}

}

package org.readerpass.authserver.authorization;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.testsupport.TestRedisKeys;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on a standalone Redis (the machine's, {@link TestRedis}), under a prefix of each test's own. */
class RedisAuthorizationStoreTests extends AuthorizationStoreContractTests {

	private static LettuceConnectionFactory connections;

	private final String prefix = TestRedis.uniquePrefix();

	@BeforeAll
	static void connect() {
		connections = TestRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@AfterEach
	void deleteKeys() {
		TestRedisKeys.deleteAll(connections, this.prefix);
	}

	@Override
	protected AuthorizationStore createStore(Clock clock) {
		return new RedisAuthorizationStore(connections, this.prefix, clock);
	}

	@Test
	void saveWhenEveryKindOfTokenThenNoKeyOrValueHoldsOneInClear() {
		List<String> secrets = List.of("state-secret-1", "code-secret-1", "access-secret-1", "id-secret-1",
				"a1.refresh-secret-1", "device-secret-1", "QZXW-VBNM");
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, "state-secret-1")
			.token(new OAuth2AuthorizationCode("code-secret-1", NOW, NOW.plusSeconds(300)))
			.token(accessToken("access-secret-1", Duration.ofMinutes(10)), metadata -> metadata
				.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, Map.of("jti", "jti-1", "exp", NOW.plusSeconds(600))))
			.token(new OidcIdToken("id-secret-1", NOW, NOW.plusSeconds(600), Map.of("sub", "reader")))
			.refreshToken(refreshToken("a1", "refresh-secret-1"))
			.token(new OAuth2DeviceCode("device-secret-1", NOW, NOW.plusSeconds(600)))
			.token(new OAuth2UserCode("QZXW-VBNM", NOW, NOW.plusSeconds(600)))
			.build());
		this.store.revokeAccessToken("jti-2", NOW.plusSeconds(60));

		Map<String, List<byte[]>> contents = TestRedisKeys.contents(connections, this.prefix);

		assertThat(contents).isNotEmpty();
		contents.forEach((key, values) -> {
			for (String secret : secrets) {
				assertThat(key).doesNotContain(secret);
				values.forEach(value -> assertThat(new String(value, StandardCharsets.ISO_8859_1)).as(key)
					.doesNotContain(secret));
			}
		});
		assertThat(this.store.findByToken("access-secret-1", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
	}

	@Test
	void findByTokenWhenPresentedValueIsTheStoredHashThenNotFound() {
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-1", Duration.ofMinutes(10)))
			.build());
		assertThat(this.store.findByToken("{sha256}" + TokenHashes.hash("at-1"), OAuth2TokenType.ACCESS_TOKEN)).isNull();
		assertThat(this.store.findByToken("{sha256}" + TokenHashes.hash("at-1"), null)).isNull();
	}

	@Test
	void findWhenEntryWrittenInAnotherFormatVersionThenAbsent() {
		RedisAuthorizationStore otherVersion = new RedisAuthorizationStore(connections, this.prefix, this.clock,
				new AuthorizationCodec((byte) 9, this.clock, List.of()));
		otherVersion.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-1", Duration.ofMinutes(10)))
			.refreshToken(refreshToken("a1", "first"))
			.build());

		assertThat(otherVersion.findById("a1")).isNotNull();
		assertThat(this.store.findById("a1")).isNull();
		assertThat(this.store.findByToken("at-1", null)).isNull();
		assertThat(this.store.findByToken("a1.first", OAuth2TokenType.REFRESH_TOKEN)).isNull();
		assertThat(this.store.useRefreshToken("a1.first")).isEqualTo(new RefreshTokenUse.Unknown());
	}

	@Test
	void findWhenEntryIsGarbageThenAbsent() {
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-1", Duration.ofMinutes(10)))
			.build());
		byte[] key = (this.prefix + "authorization:{a1}").getBytes(StandardCharsets.UTF_8);
		byte[] valid = hashValue(key);
		byte[] truncated = java.util.Arrays.copyOf(valid, valid.length / 2);

		for (byte[] garbage : List.of("not an authorization".getBytes(StandardCharsets.UTF_8), truncated,
				new byte[0])) {
			try (RedisConnection connection = connections.getConnection()) {
				connection.hashCommands().hSet(key, "v".getBytes(StandardCharsets.UTF_8), garbage);
			}
			assertThat(this.store.findById("a1")).isNull();
			assertThat(this.store.findByToken("at-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
		}
	}

	@Test
	void findWhenEntryHoldsAClassOutsideTheAllowListThenAbsent() {
		this.store.save(authorization("a1", AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(accessToken("at-1", Duration.ofMinutes(10)))
			.attribute("planted", new X500Principal("CN=not on the allow-list"))
			.build());
		assertThat(this.store.findById("a1")).isNull();
		assertThat(this.store.findByToken("at-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
	}

	private static byte[] hashValue(byte[] key) {
		try (RedisConnection connection = connections.getConnection()) {
			return connection.hashCommands().hGet(key, "v".getBytes(StandardCharsets.UTF_8));
		}
	}

}

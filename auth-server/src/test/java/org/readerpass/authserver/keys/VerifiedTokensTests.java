package org.readerpass.authserver.keys;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final ECKey key = generate("k1");

	/** The published keys; a test can take one away (a key retired at once). */
	private volatile JWKSet published = new JWKSet(this.key.toPublicJWK());

	private final JWKSource<SecurityContext> keys = (selector, context) -> selector.select(this.published);

	private final Set<String> revoked = new java.util.concurrent.ConcurrentSkipListSet<>();

	private final AtomicInteger verifications = new AtomicInteger();

	private final VerifiedTokens tokens = tokens(100);

	private VerifiedTokens tokens(int capacity) {
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(this.keys)
			.jwsAlgorithms(algorithms -> algorithms.add(SignatureAlgorithm.ES256))
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setClock(this.clock);
		OAuth2TokenValidator<Jwt> notRevoked = jwt -> this.revoked.contains(jwt.getId())
				? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token")) : OAuth2TokenValidatorResult.success();
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.of(timestamps, notRevoked));
		nimbus.setJwtValidator(validator);
		JwtDecoder counting = token -> {
			this.verifications.incrementAndGet();
			return nimbus.decode(token);
		};
		return new VerifiedTokens(counting, validator, this.keys, this.clock, capacity);
	}

	private static ECKey generate(String keyId) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String sign(ECKey signingKey, String jti, Duration ttl) throws Exception {
		return signed(signingKey, new JWTClaimsSet.Builder().jwtID(jti)
			.issueTime(java.util.Date.from(this.clock.instant()))
			.expirationTime(java.util.Date.from(this.clock.instant().plus(ttl)))
			.build());
	}

	/** An access token ({@code typ at+jwt}, ES256) with these claims, signed by the key. */
	private static String signed(ECKey signingKey, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID())
			.type(new JOSEObjectType("at+jwt"))
			.build(), claims);
		jwt.sign(new ECDSASigner(signingKey));
		return jwt.serialize();
	}

	@Test
	void decodeWhenSameTokenAgainThenVerifiedOnce() throws Exception {
		String token = sign(this.key, "a", Duration.ofMinutes(10));

		this.tokens.decode(token);
		this.tokens.decode(token);

		assertThat(this.verifications).hasValue(1);
		assertThat(this.tokens.size()).isOne();
	}

	@Test
	void decodeWhenRememberedTokenRevokedOrExpiredThenRefusedAnyway() throws Exception {
		String token = sign(this.key, "a", Duration.ofMinutes(10));
		this.tokens.decode(token);

		this.revoked.add("a");
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.decode(token));

		this.revoked.clear();
		this.clock.advance(Duration.ofMinutes(11));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.decode(token));
	}

	@Test
	void decodeWhenRememberedTokensKeyLeftTheJwksThenRefused() throws Exception {
		String token = sign(this.key, "a", Duration.ofMinutes(10));
		this.tokens.decode(token);

		this.published = new JWKSet(generate("k2").toPublicJWK());

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.decode(token));
	}

	@Test
	void decodeWhenSignatureAlteredThenVerifiedAndRefused() throws Exception {
		String token = sign(this.key, "a", Duration.ofMinutes(10));
		this.tokens.decode(token);
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + sign(generate("k1"), "a", Duration.ofMinutes(10))
			.substring(token.lastIndexOf('.') + 1);

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.decode(forged));
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void decodeWhenFullThenExpiredDroppedFirstAndNeverMoreThanCapacity() throws Exception {
		VerifiedTokens small = tokens(2);
		small.decode(sign(this.key, "short", Duration.ofMinutes(1)));
		small.decode(sign(this.key, "long", Duration.ofMinutes(10)));
		this.clock.advance(Duration.ofMinutes(2));

		small.decode(sign(this.key, "new", Duration.ofMinutes(10)));

		assertThat(small.size()).isEqualTo(2);
		small.decode(sign(this.key, "newer", Duration.ofMinutes(10)));
		assertThat(small.size()).isLessThanOrEqualTo(2);
	}

	/**
	 * A node's cache, full of readers' access tokens (~1.1 KB of text each, with their entitlements),
	 * fits in the documented 80-96 MB heap beside the ~42 MB the application lives on: each
	 * remembered token is a decoded {@link Jwt} with its text, headers and claims, ~4.6 KB (20,000 of
	 * them, the capacity before 2026-12-05, held 93 MB here; 4,000 held 18.6 MB).
	 */
	@Test
	void decodeWhenNodesCacheFullOfReaderTokensThenItHoldsUnderTwelveMegabytes() throws Exception {
		int capacity = KeysConfiguration.VERIFIED_TOKENS;
		List<String> signed = new ArrayList<>(capacity);
		for (int i = 0; i < capacity; i++) {
			signed.add(signReaderToken(i));
		}
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long before = usedAfterCollection(memory);
		VerifiedTokens cache = tokens(capacity);
		for (String token : signed) {
			cache.decode(token);
		}
		long after = usedAfterCollection(memory);
		assertThat(cache.size()).isEqualTo(capacity);
		assertThat(after - before).as("heap held by a full cache of %d tokens", capacity)
			.isLessThan(12L * 1024 * 1024);
	}

	private static long usedAfterCollection(MemoryMXBean memory) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	/** An access token as ReaderPass issues a reader: ~1.1 KB, four entitlements. */
	private String signReaderToken(int i) throws Exception {
		List<Map<String, Object>> entitlements = new ArrayList<>();
		for (int e = 0; e < 4; e++) {
			entitlements.add(Map.of("resource", "urn:readerpass:resource:zj:ebook-collection-" + e, "library", "zj",
					"until", 1_790_000_000L + i));
		}
		JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID("jti-" + i + "-" + java.util.UUID.randomUUID())
			.issuer("https://readerpass.example.org")
			.subject("reader-" + java.util.UUID.randomUUID())
			.audience("https://portal.zj.example.org")
			.issueTime(java.util.Date.from(this.clock.instant()))
			.notBeforeTime(java.util.Date.from(this.clock.instant()))
			.expirationTime(java.util.Date.from(this.clock.instant().plus(Duration.ofMinutes(10))))
			.claim("client_id", "sx-portal")
			.claim("scope", "openid profile library")
			.claim("library", "zj")
			.claim("sid", java.util.UUID.randomUUID().toString())
			.claim("auth_time", this.clock.instant().getEpochSecond())
			.claim("entitlements", entitlements)
			.build();
		return signed(this.key, claims);
	}

}

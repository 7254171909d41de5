package org.readerpass.authserver.keys;

import java.net.URI;
import java.security.Provider;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.testsupport.Platform;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The server's JWT encoder: what Spring's {@code NimbusJwtEncoder} writes, byte for byte but the
 * signature, signed by the chosen provider (ACCP on Linux x86-64) and verified by the JDK's.
 */
class ProviderJwtEncoderTests {

	private static final ECKey EC = generateEc("ec-1");

	private static final RSAKey RSA = generateRsa("rsa-1");

	private final ImmutableJWKSet<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(List.of(EC, RSA)));

	private final Optional<Provider> accp = SigningProviders.accp();

	private final ProviderJwtEncoder encoder = new ProviderJwtEncoder(this.keys, this.accp);

	private final NimbusJwtEncoder spring = new NimbusJwtEncoder(this.keys);

	@Test
	void accpWhenOnLinuxX64ThenItSignsElseTheJdk() {
		// the build's machines are Linux x86-64: ACCP's native library must load there
		assertThat(this.accp.isPresent()).as("ACCP loads on Linux x86-64 only").isEqualTo(Platform.isLinuxX64());
		assertThat(this.encoder.providerName())
			.isEqualTo(Platform.isLinuxX64() ? "AmazonCorrettoCryptoProvider" : "the JDK's default");
		assertThat(SigningProviders.forSetting(KeyProperties.SigningProvider.JDK)).isEmpty();
		assertThat(new ProviderJwtEncoder(this.keys, Optional.empty()).providerName()).isEqualTo("the JDK's default");
	}

	@Test
	void encodeWhenEs256ThenWhatNimbusJwtEncoderWritesAndTheJdkVerifies() throws Exception {
		JwtEncoderParameters parameters = JwtEncoderParameters.from(
				JwsHeader.with(SignatureAlgorithm.ES256).type("at+jwt").keyId("ec-1").header("x-custom", "v").build(),
				claims());

		Jwt ours = this.encoder.encode(parameters);
		Jwt theirs = this.spring.encode(parameters);

		SignedJWT oursParsed = SignedJWT.parse(ours.getTokenValue());
		SignedJWT theirsParsed = SignedJWT.parse(theirs.getTokenValue());
		assertThat(oursParsed.getHeader().toJSONObject()).isEqualTo(theirsParsed.getHeader().toJSONObject());
		assertThat(oursParsed.getPayload().toJSONObject()).isEqualTo(theirsParsed.getPayload().toJSONObject());
		assertThat(ours.getHeaders()).isEqualTo(theirs.getHeaders());
		assertThat(ours.getClaims()).isEqualTo(theirs.getClaims());
		assertThat(ours.getIssuedAt()).isEqualTo(theirs.getIssuedAt());
		assertThat(ours.getExpiresAt()).isEqualTo(theirs.getExpiresAt());
		assertThat(oursParsed.verify(new ECDSAVerifier(EC.toPublicJWK()))).as("the JDK verifies it").isTrue();
	}

	@Test
	void encodeWhenRs256WithoutKidThenTheKeysKidAddedAndTheJdkVerifies() throws Exception {
		JwtEncoderParameters parameters = JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
				claims());

		Jwt ours = this.encoder.encode(parameters);

		SignedJWT parsed = SignedJWT.parse(ours.getTokenValue());
		assertThat(parsed.getHeader().getKeyID()).isEqualTo("rsa-1");
		assertThat(ours.getHeaders()).containsEntry("kid", "rsa-1");
		assertThat(parsed.getPayload().toJSONObject())
			.isEqualTo(SignedJWT.parse(this.spring.encode(parameters).getTokenValue()).getPayload().toJSONObject());
		assertThat(parsed.verify(new RSASSAVerifier(RSA.toRSAPublicKey()))).isTrue();
	}

	@Test
	void encodeWhenACustomClaimIsAnInstantThenSecondsSinceTheEpoch() throws Exception {
		// NimbusJwtEncoder cannot write one (its JSON library does not know Instant); ours can
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject("reader-1")
			.claim("auth_time", Instant.ofEpochSecond(1_780_000_000L))
			.claim("nested", Map.of("at", Instant.ofEpochSecond(1_780_000_001L)))
			.build();
		Jwt jwt = this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims));
		Map<String, Object> payload = SignedJWT.parse(jwt.getTokenValue()).getPayload().toJSONObject();
		assertThat(((Number) payload.get("auth_time")).longValue()).isEqualTo(1_780_000_000L);
		assertThat(((Number) ((Map<?, ?>) payload.get("nested")).get("at")).longValue()).isEqualTo(1_780_000_001L);
	}

	@Test
	void encodeWhenNoHeaderThenRs256AsNimbusJwtEncoder() throws Exception {
		Jwt ours = this.encoder.encode(JwtEncoderParameters.from(claims()));
		assertThat(SignedJWT.parse(ours.getTokenValue()).getHeader().getAlgorithm().getName()).isEqualTo("RS256");
	}

	@Test
	void encodeWhenManySignaturesThenEveryOneVerifies() throws Exception {
		JWSVerifier verifier = new ECDSAVerifier(EC.toPublicJWK());
		for (int i = 0; i < 200; i++) {
			Jwt jwt = this.encoder.encode(JwtEncoderParameters
				.from(JwsHeader.with(SignatureAlgorithm.ES256).keyId("ec-1").build(), claims()));
			assertThat(SignedJWT.parse(jwt.getTokenValue()).verify(verifier)).as("signature %d", i).isTrue();
		}
	}

	@Test
	void encodeWhenTheProviderStillLoadsThenTheSignatureWaitsForItAndItLoadsOnce() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger loads = new AtomicInteger();
		ProviderJwtEncoder waiting = new ProviderJwtEncoder(this.keys, () -> {
			loads.incrementAndGet();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return this.accp;
		});
		Thread loader = new Thread(waiting::load); // as the node does once it is ready
		loader.start();
		CompletableFuture<Jwt> signed = CompletableFuture.supplyAsync(() -> waiting.encode(
				JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).keyId("ec-1").build(), claims())));

		Thread.sleep(200);
		assertThat(signed).as("no signature before the provider is known").isNotDone();
		release.countDown();

		Jwt jwt = signed.get(10, TimeUnit.SECONDS);
		loader.join(10_000);
		assertThat(SignedJWT.parse(jwt.getTokenValue()).verify(new ECDSAVerifier(EC.toPublicJWK()))).isTrue();
		assertThat(waiting.providerName()).isEqualTo(this.encoder.providerName());
		waiting.load();
		assertThat(loads).as("loaded once").hasValue(1);
	}

	@Test
	void encodeWhenNoKeyOrSeveralMatchThenEncodingExceptionAsNimbusJwtEncoder() {
		assertThatExceptionOfType(JwtEncodingException.class)
			.isThrownBy(() -> this.encoder.encode(JwtEncoderParameters
				.from(JwsHeader.with(SignatureAlgorithm.ES256).keyId("no-such-key").build(), claims())))
			.withMessageContaining("Failed to select a JWK signing key");
		ECKey second = generateEc("ec-2");
		ProviderJwtEncoder twoEcKeys = new ProviderJwtEncoder(new ImmutableJWKSet<>(new JWKSet(List.of(EC, second))),
				this.accp);
		assertThatExceptionOfType(JwtEncodingException.class)
			.isThrownBy(() -> twoEcKeys.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(),
					claims())))
			.withMessageContaining("Found multiple JWK signing keys for algorithm 'ES256'");
	}

	private static JwtClaimsSet claims() {
		Instant now = Instant.parse("2026-12-05T01:00:00Z");
		return JwtClaimsSet.builder()
			.issuer("https://readerpass.example")
			.subject("reader-1")
			.audience(List.of("nlc-ebooks", "zj-lectures"))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plusSeconds(300))
			.id("jti-1")
			.claim("auth_time", java.util.Date.from(now.minusSeconds(60))) // as Spring's JwtGenerator sets it
			.claim("client_id", "zj-reader-app")
			.claim("libraries", List.of("zj", "zj.sx"))
			.claim("entitlements", Map.of("nlc-ebooks", List.of("read", "download"), "since", "2026-01-01"))
			.claim("adult", true)
			.claim("loans", 3)
			.claim("home", URI.create("https://zjlib.example/").toString())
			.build();
	}

	private static ECKey generateEc(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generateRsa(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

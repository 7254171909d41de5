package org.readerpass.authserver.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.audit.AuditEntry;
import org.readerpass.adminui.audit.AuditFormat;
import org.readerpass.adminui.audit.JdbcAuditLog;
import org.readerpass.authserver.keys.KeyProperties.Rotation;
import org.readerpass.authserver.keys.KeyProperties.SigningAlgorithm;
import org.readerpass.ldapsync.testsupport.MutableClock;
import org.readerpass.ldapsync.testsupport.OnH2AndPostgres;
import org.readerpass.ldapsync.testsupport.TestDatabase;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The key lifecycle on a real database (H2 and PostgreSQL) with a clock the test moves: a
 * successor is published {@code publish-ahead} before it signs, the key it replaces stays published
 * until {@code retain-after} past the switch and then leaves the JWKS; an admin's rotation; several
 * nodes on one database. Each {@link SigningKeys} here is one server node; tokens are signed and
 * checked as the server does (Spring Security's Nimbus encoder and decoder on the node's JWK source).
 */
@OnH2AndPostgres
class KeyRotationTests {

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final Rotation ROTATION = new Rotation(Duration.ofDays(90), Duration.ofDays(1), Duration.ofDays(1),
			Duration.ofMinutes(1));

	private static final Actor ADMIN = new Actor("zj-admin-cli", "zj-admin-cli");

	private final TestDatabase database;

	private DataSource dataSource;

	private MutableClock clock;

	KeyRotationTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void noKeys() {
		this.dataSource = this.database.dataSource();
		JdbcClient.create(this.dataSource).sql("delete from signing_key").update();
		JdbcClient.create(this.dataSource).sql("delete from policy_audit").update();
		this.clock = new MutableClock(START);
	}

	@Test
	void startWhenDatabaseEmptyThenOneKeyPerAlgorithmSignsAtOnce() {
		SigningKeys node = node();

		assertThat(jwks(node)).hasSize(2);
		assertThat(node.currentKeyId(SignatureAlgorithm.ES256)).isEqualTo(kid(node, "EC"));
		assertThat(node.currentKeyId(SignatureAlgorithm.RS256)).isEqualTo(kid(node, "RSA"));
		assertThat(stored()).allSatisfy(key -> {
			assertThat(key.serial()).isEqualTo(1);
			assertThat(key.activatesAt()).isEqualTo(START);
			assertThat(key.retiresAt()).isNull();
		});
		assertThat(verifies(node, sign(node, SignatureAlgorithm.ES256))).isTrue();
		assertThat(verifies(node, sign(node, SignatureAlgorithm.RS256))).isTrue();
	}

	@Test
	void refreshWhenCurrentKeyDueWithinPublishAheadThenNextKeyIsPublishedADayBeforeItSigns() {
		SigningKeys node = node();
		String first = node.currentKeyId(SignatureAlgorithm.ES256);

		this.clock.advance(Duration.ofDays(89).minusMillis(1));
		node.refresh();
		assertThat(jwks(node)).as("not due yet").hasSize(2);

		this.clock.advance(Duration.ofMillis(1)); // a day before the period ends
		node.refresh();
		Set<String> published = jwks(node);
		assertThat(published).as("each algorithm's successor is published").hasSize(4).contains(first);
		assertThat(node.currentKeyId(SignatureAlgorithm.ES256)).as("but does not sign yet").isEqualTo(first);

		this.clock.advance(Duration.ofDays(1).minusMillis(1)); // the last millisecond of the first key
		node.refresh();
		assertThat(node.currentKeyId(SignatureAlgorithm.ES256)).isEqualTo(first);
		String tokenBeforeSwitch = sign(node, SignatureAlgorithm.ES256);
		this.clock.advance(Duration.ofMillis(1)); // 90 days after the first key: no refresh needed to switch
		String second = node.currentKeyId(SignatureAlgorithm.ES256);
		assertThat(second).isNotEqualTo(first).isIn(published);
		assertThat(header(sign(node, SignatureAlgorithm.ES256)).getKeyID()).isEqualTo(second);
		assertThat(verifies(node, tokenBeforeSwitch)).as("a token of the previous key still verifies").isTrue();
		assertThat(state(first)).isEqualTo(KeyState.PREVIOUS);
		assertThat(storedKey(first).retiresAt()).isEqualTo(START.plus(Duration.ofDays(91)));
	}

	@Test
	void refreshWhenRetentionEndsThenPreviousKeyLeavesTheJwksAndItsPrivatePartIsErased() {
		SigningKeys node = node();
		String first = node.currentKeyId(SignatureAlgorithm.ES256);
		this.clock.advance(Duration.ofDays(89));
		node.refresh();
		this.clock.advance(Duration.ofDays(1).minusMillis(1));
		String lastTokenOfFirst = sign(node, SignatureAlgorithm.ES256);

		this.clock.advance(Duration.ofDays(1)); // 1 ms before retirement
		node.refresh();
		assertThat(jwks(node)).contains(first);
		assertThat(verifies(node, lastTokenOfFirst)).isTrue();

		this.clock.advance(Duration.ofMillis(1));
		assertThat(jwks(node)).as("gone at its retirement, before any refresh").doesNotContain(first).hasSize(2);
		assertThat(verifies(node, lastTokenOfFirst)).isFalse();
		node.refresh();
		assertThat(storedKey(first).sealedPrivateJwk()).as("private part erased").isNull();
		assertThat(state(first)).isEqualTo(KeyState.RETIRED);
		assertThat(node.list()).extracting(view -> view.key().keyId()).as("kept as history").contains(first);
	}

	/**
	 * Two nodes on one database, a check every 12 hours for three rotations: every token verifies on
	 * both nodes until it expires (the longest lifetime {@code retain-after} allows), and no key signs
	 * before it was published for {@code publish-ahead}.
	 */
	@Test
	void tokensWhenSignedThroughSeveralRotationsOnTwoNodesThenEachVerifiesOnBothUntilItExpires() {
		SigningKeys a = node();
		SigningKeys b = node();
		Duration lifetime = ROTATION.longestTokenLifetime();
		Map<String, Instant> tokens = new HashMap<>(); // token -> expiry
		Map<String, Instant> firstPublished = new HashMap<>();
		Map<String, Instant> firstSigned = new HashMap<>();
		Instant end = START.plus(Duration.ofDays(280));
		for (int step = 0; this.clock.instant().isBefore(end); step++) {
			(step % 2 == 0 ? a : b).refresh();
			(step % 2 == 0 ? b : a).refresh();
			Instant now = this.clock.instant();
			for (SigningKeys node : List.of(a, b)) {
				jwks(node).forEach(kid -> firstPublished.putIfAbsent(kid, now));
				for (SignatureAlgorithm algorithm : List.of(SignatureAlgorithm.ES256, SignatureAlgorithm.RS256)) {
					String token = sign(node, algorithm);
					firstSigned.putIfAbsent(header(token).getKeyID(), now);
					tokens.put(token, now.plus(lifetime));
				}
			}
			tokens.values().removeIf(expiry -> !expiry.isAfter(now));
			for (String token : tokens.keySet()) {
				assertThat(verifies(a, token) && verifies(b, token)).as("token of kid %s at %s", header(token).getKeyID(), now)
					.isTrue();
			}
			this.clock.advance(Duration.ofHours(12));
		}
		assertThat(stored()).as("one successor per period and algorithm, whatever node checked first")
			.hasSize(2 * 4)
			.extracting(StoredKey::serial)
			.containsOnly(1, 2, 3, 4);
		stored().stream().filter(key -> key.serial() > 1).forEach(key -> assertThat(
				Duration.between(firstPublished.get(key.keyId()), firstSigned.get(key.keyId())))
			.as("kid %s published before it signed", key.keyId())
			.isGreaterThanOrEqualTo(ROTATION.publishAhead()));
	}

	@Test
	void refreshWhenTwoNodesCheckAtTheSameMomentThenOneSuccessorAndBothLoadIt() throws Exception {
		SigningKeys a = node();
		SigningKeys b = node();
		for (int rotation = 1; rotation <= 4; rotation++) {
			this.clock.advance(Duration.ofDays(90));
			CountDownLatch go = new CountDownLatch(1);
			CompletableFuture<Void> first = CompletableFuture.runAsync(() -> awaitThen(go, a::refresh));
			CompletableFuture<Void> second = CompletableFuture.runAsync(() -> awaitThen(go, b::refresh));
			go.countDown();
			CompletableFuture.allOf(first, second).get();
			a.refresh();
			b.refresh();
			assertThat(jwks(a)).isEqualTo(jwks(b));
		}
		Map<String, List<Integer>> serials = stored().stream()
			.collect(Collectors.groupingBy(StoredKey::algorithm,
					Collectors.mapping(StoredKey::serial, Collectors.toList())));
		assertThat(serials.get("ES256")).containsExactly(1, 2, 3, 4, 5);
		assertThat(serials.get("RS256")).containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void refreshWhenAnotherKeySignedWithoutRetirementThenItRetiresWithTheCurrentAtTheSwitch() throws Exception {
		SigningKeys node = node();
		String first = node.currentKeyId(SignatureAlgorithm.ES256);
		// a first key another node added with its clock a second behind: it never signs, nothing retired it
		String rival = "rival-kid";
		new JdbcSigningKeyStore(JdbcClient.create(this.dataSource)).insert(new StoredKey(rival, "ES256", 2,
				new ECKeyGenerator(Curve.P_256).keyID(rival).generate().toPublicJWK().toJSONString(), "sealed-elsewhere",
				START.minusSeconds(1), START.minusSeconds(1), null));

		this.clock.advance(Duration.ofDays(89));
		node.refresh();

		Instant retirement = START.plus(Duration.ofDays(91));
		assertThat(storedKey(first).retiresAt()).isEqualTo(retirement);
		assertThat(storedKey(rival).retiresAt()).as("not published for ever").isEqualTo(retirement);
		this.clock.advance(Duration.ofDays(2));
		assertThat(jwks(node)).doesNotContain(first, rival);
	}

	@Test
	void insertWhenAnotherNodeTookTheSerialThenRefused() {
		SigningKeys node = node();
		StoredKey taken = storedKey(node.currentKeyId(SignatureAlgorithm.ES256));
		StoredKey rival = new StoredKey("rival-kid", taken.algorithm(), taken.serial(), taken.publicJwk(), null,
				START, START, null);

		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> new JdbcSigningKeyStore(JdbcClient.create(this.dataSource)).insert(rival));
	}

	@Test
	void rotateNowWhenAdminRotatesThenNewKeySignsAtOnceTheOldStaysPublishedAndTheRotationIsAudited() {
		SigningKeys node = node();
		String first = node.currentKeyId(SignatureAlgorithm.ES256);
		this.clock.advance(Duration.ofDays(89).plusHours(1));
		node.refresh();
		String pending = jwks(node).stream()
			.filter(kid -> !kid.equals(first) && state(kid) == KeyState.NEXT && storedKey(kid).algorithm().equals("ES256"))
			.findFirst()
			.orElseThrow();
		String tokenOfFirst = sign(node, SignatureAlgorithm.ES256);
		String rs256 = node.currentKeyId(SignatureAlgorithm.RS256);

		String rotated = node.rotateNow(SigningAlgorithm.ES256, false, ADMIN).key().keyId();

		assertThat(node.currentKeyId(SignatureAlgorithm.ES256)).isEqualTo(rotated);
		assertThat(verifies(node, tokenOfFirst)).isTrue();
		assertThat(state(first)).isEqualTo(KeyState.PREVIOUS);
		assertThat(storedKey(first).retiresAt()).isEqualTo(this.clock.instant().plus(ROTATION.retainAfter()));
		assertThat(state(pending)).as("the published successor never signed: retired at once").isEqualTo(KeyState.RETIRED);
		assertThat(jwks(node)).filteredOn(kid -> storedKey(kid).algorithm().equals("ES256"))
			.containsExactlyInAnyOrder(first, rotated);
		assertThat(node.currentKeyId(SignatureAlgorithm.RS256)).as("another algorithm untouched").isEqualTo(rs256);

		AuditEntry entry = new JdbcAuditLog(this.dataSource, AuditFormat.json(), this.clock).entries(10, null).get(0);
		assertThat(entry.operation()).isEqualTo("rotate");
		assertThat(entry.targetKind()).isEqualTo("signing-key");
		assertThat(entry.targetId()).isEqualTo("ES256");
		assertThat(entry.actor()).isEqualTo("zj-admin-cli");
		assertThat(entry.revision()).isZero();
		assertThat(entry.before()).contains(first, pending, "\"current\"", "\"next\"").doesNotContain(rotated);
		assertThat(entry.after()).contains(rotated, first, "\"retirePrevious\":false");
		assertThat(entry.before() + entry.after()).as("never private material").doesNotContain("\"d\"", "sealed");
	}

	@Test
	void rotateNowWhenRetirePreviousThenEveryOtherKeyOfTheAlgorithmIsRefusedAtOnce() {
		SigningKeys node = node();
		String first = node.currentKeyId(SignatureAlgorithm.ES256);
		String tokenOfFirst = sign(node, SignatureAlgorithm.ES256);
		String rs256Token = sign(node, SignatureAlgorithm.RS256);

		String rotated = node.rotateNow(SigningAlgorithm.ES256, true, ADMIN).key().keyId();

		assertThat(verifies(node, tokenOfFirst)).isFalse();
		assertThat(jwks(node)).doesNotContain(first).contains(rotated);
		assertThat(storedKey(first).sealedPrivateJwk()).isNull();
		assertThat(verifies(node, sign(node, SignatureAlgorithm.ES256))).isTrue();
		assertThat(verifies(node, rs256Token)).as("another algorithm untouched").isTrue();
	}

	@Test
	void decoderWhenAnotherNodeRotatedThenItsNewKeyIsLoadedAtTheFirstTokenNamingIt() {
		SigningKeys a = node();
		SigningKeys b = node();

		b.rotateNow(SigningAlgorithm.ES256, false, ADMIN);
		String tokenFromB = sign(b, SignatureAlgorithm.ES256);

		assertThat(verifies(a, tokenFromB)).as("before a's next check").isTrue();
	}

	@Test
	void startWhenKeysStoredThenTheSameKeysAndNoneGenerated() {
		SigningKeys first = node();
		String es256 = first.currentKeyId(SignatureAlgorithm.ES256);
		String token = sign(first, SignatureAlgorithm.RS256);

		SigningKeys restarted = node();

		assertThat(restarted.currentKeyId(SignatureAlgorithm.ES256)).isEqualTo(es256);
		assertThat(verifies(restarted, token)).isTrue();
		assertThat(stored()).hasSize(2);
	}

	/** One server node on the test's database. */
	private SigningKeys node() {
		JdbcSigningKeyStore store = new JdbcSigningKeyStore(JdbcClient.create(this.dataSource));
		KeyEncryption encryption = new KeyEncryption(new byte[32]);
		KeyRotation rotation = new KeyRotation(store, encryption,
				new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)), ROTATION,
				new KeyAudit(new JdbcAuditLog(this.dataSource, AuditFormat.json(), this.clock)));
		return new SigningKeys(SigningAlgorithm.ES256, store, encryption, rotation, this.clock);
	}

	/** The kids of the node's JWKS now, as the JWKS endpoint asks for them. */
	private static Set<String> jwks(SigningKeys node) {
		try {
			List<JWK> keys = node.jwkSource().get(new JWKSelector(new JWKMatcher.Builder().build()), null);
			assertThat(new JWKSet(keys).toPublicJWKSet().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
			return keys.stream().map(JWK::getKeyID).collect(Collectors.toSet());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static String kid(SigningKeys node, String keyType) {
		try {
			return node.jwkSource()
				.get(new JWKSelector(new JWKMatcher.Builder().build()), null)
				.stream()
				.filter(key -> key.getKeyType().getValue().equals(keyType))
				.map(JWK::getKeyID)
				.findFirst()
				.orElseThrow();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/** A token signed as the server signs: the algorithm's current key, named in the header. */
	private String sign(SigningKeys node, SignatureAlgorithm algorithm) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject("reader")
			.issuedAt(now)
			.expiresAt(now.plus(ROTATION.longestTokenLifetime()))
			.build();
		JwsHeader header = JwsHeader.with(algorithm).keyId(node.currentKeyId(algorithm)).build();
		return new NimbusJwtEncoder(node.jwkSource()).encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/** Whether the node's decoder takes the token's signature (expiry is the test's own business). */
	private static boolean verifies(SigningKeys node, String token) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(node.jwkSource())
			.jwsAlgorithms(algorithms -> {
				algorithms.add(SignatureAlgorithm.ES256);
				algorithms.add(SignatureAlgorithm.RS256);
			})
			.build();
		decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
		try {
			decoder.decode(token);
			return true;
		}
		catch (JwtException ex) {
			return false;
		}
	}

	private static com.nimbusds.jose.JWSHeader header(String token) {
		try {
			return com.nimbusds.jwt.SignedJWT.parse(token).getHeader();
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	private List<StoredKey> stored() {
		return new JdbcSigningKeyStore(JdbcClient.create(this.dataSource)).findAll();
	}

	private StoredKey storedKey(String kid) {
		return stored().stream().filter(key -> key.keyId().equals(kid)).findFirst().orElseThrow();
	}

	private KeyState state(String kid) {
		StoredKey key = storedKey(kid);
		List<StoredKey> ofAlgorithm = new ArrayList<>(
				stored().stream().filter(other -> other.algorithm().equals(key.algorithm())).toList());
		return new KeyTimeline(ofAlgorithm).stateAt(key, this.clock.instant());
	}

	private static void awaitThen(CountDownLatch go, Runnable action) {
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		action.run();
	}

}

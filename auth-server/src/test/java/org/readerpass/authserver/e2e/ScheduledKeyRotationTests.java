package org.readerpass.authserver.e2e;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled rotation of the running server, over real HTTP, with the server's clock moved by
 * the test: the rotation check (every second here) publishes the next key a day before it signs;
 * tokens of the previous key keep verifying at the admin API until it retires a day after the
 * switch, and are refused from then on. Only client-credentials tokens: they need no reader, whose
 * card the moved clock could make expire. A server of its own, with its own clock.
 */
@SpringBootTest(classes = ReaderPassApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:readerpass-scheduled-key-rotation-test;DB_CLOSE_DELAY=-1",
				"readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY,
				"readerpass.keys.rotation.check-interval=1s" })
@Import(ScheduledKeyRotationTests.MovingClock.class)
@DirtiesContext
class ScheduledKeyRotationTests {

	/** A bound for a check that never comes, not a timing: the check runs every second. */
	private static final Duration CHECK_WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Test
	void rotationWhenClockPassesThePeriodThenNextKeyPublishedADayAheadAndPreviousKeptADayAfterThenGone()
			throws Exception {
		URI issuer = URI.create("http://localhost:" + this.port);
		URI jwksUri = issuer.resolve("/oauth2/jwks");
		AdminCli admin = new AdminCli(issuer);
		String firstToken = admin.token();
		String first = SignedJWT.parse(firstToken).getHeader().getKeyID();
		Instant firstActivation = Instant.parse((String) admin.keys().get(first).get("activatesAt"));
		Set<String> publishedBefore = kids(jwksUri);

		this.clock.advance(Duration.between(this.clock.instant(), firstActivation.plus(Duration.ofDays(89))));
		Set<String> published = await(() -> kids(jwksUri), kids -> kids.size() > publishedBefore.size());

		String next = published.stream()
			.filter(kid -> !publishedBefore.contains(kid) && "ES256".equals(keys(admin).get(kid).get("algorithm")))
			.findFirst()
			.orElseThrow();
		Map<String, Object> nextKey = keys(admin).get(next);
		assertThat(nextKey).containsEntry("state", "next");
		Instant nextActivation = Instant.parse((String) nextKey.get("activatesAt"));
		assertThat(Duration.between(this.clock.instant(), nextActivation)).as("published a day before it signs")
			.isGreaterThanOrEqualTo(Duration.ofDays(1).minus(CHECK_WAIT));
		assertThat(SignedJWT.parse(admin.token()).getHeader().getKeyID()).as("not signing yet").isEqualTo(first);

		// a token of the first key that is still valid when the next one starts signing
		this.clock.advance(Duration.between(this.clock.instant(), nextActivation.minus(Duration.ofMinutes(5))));
		String beforeSwitch = admin.token();
		assertThat(SignedJWT.parse(beforeSwitch).getHeader().getKeyID()).isEqualTo(first);
		this.clock.advance(Duration.between(this.clock.instant(), nextActivation));
		assertThat(SignedJWT.parse(admin.token()).getHeader().getKeyID()).as("signing from its activation")
			.isEqualTo(next);
		assertThat(admin.call("GET", "/api/admin/keys", beforeSwitch).statusCode())
			.as("a token of the previous key, after the switch").isEqualTo(200);
		Instant firstRetirement = Instant.parse((String) keys(admin).get(first).get("retiresAt"));
		assertThat(firstRetirement).isEqualTo(nextActivation.plus(Duration.ofDays(1)));

		// the server's clock is the one tokens are checked on too: the key outlives its last token by
		// retain-after, and stays published (its signatures verifiable) until its retirement
		this.clock.advance(Duration.between(this.clock.instant(), firstRetirement.minusSeconds(1)));
		assertThat(kids(jwksUri)).contains(first);
		assertThat(verifies(beforeSwitch, jwksUri)).as("its signature still verifies against the JWKS").isTrue();

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(kids(jwksUri)).as("gone from the JWKS at its retirement").doesNotContain(first).contains(next);
		assertThat(verifies(beforeSwitch, jwksUri)).as("nothing verifies it any more").isFalse();
		assertThat(keys(admin).get(first)).containsEntry("state", "retired");
	}

	private static Map<String, Map<String, Object>> keys(AdminCli admin) {
		try {
			return admin.keys();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/** Whether the token's signature verifies with the key of its kid in the JWKS (expiry aside). */
	private static boolean verifies(String token, URI jwks) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			JWK key = JWKSet.load(jwks.toURL()).getKeyByKeyId(jwt.getHeader().getKeyID());
			return key != null && jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key.toECKey()));
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static Set<String> kids(URI jwks) {
		try {
			return JWKSet.load(jwks.toURL()).getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done) throws InterruptedException {
		Instant giveUp = Instant.now().plus(CHECK_WAIT);
		T current = value.get();
		while (!done.test(current)) {
			assertThat(Instant.now()).as("the rotation check never published the next key").isBefore(giveUp);
			Thread.sleep(100);
			current = value.get();
		}
		return current;
	}

	/** The server's clock, moved by the test (every feature of the server reads the one {@code Clock} bean). */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovingClock {

		@Bean
		@Primary
		MutableClock movingClock() {
			return new MutableClock(Instant.now());
		}

	}

}

package org.readerpass.authserver.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.abuse.InMemoryCounters;
import org.readerpass.authserver.abuse.UnavailableCounters;
import org.readerpass.authserver.authorization.InMemoryAuthorizationStore;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code slow_down} (RFC 8628 §3.5) on a clock the test moves, no timing measured; a used device
 * code.
 */
class DevicePollingTests {

	// the stock provider reads expiry from the system clock, so the test's clock starts at the real time
	private static final Instant START = Instant.now();

	private static final RegisteredClient TV = client("tv");

	private static final RegisteredClient OTHER = client("other");

	private final MutableClock clock = new MutableClock(START);

	private final InMemoryAuthorizationStore authorizations = new InMemoryAuthorizationStore(this.clock);

	/** Stands for the stock provider: counts what reaches it, answers a token. */
	private final AtomicInteger reachedStock = new AtomicInteger();

	private final AuthenticationProvider stock = new AuthenticationProvider() {

		@Override
		public Authentication authenticate(Authentication authentication) {
			DevicePollingTests.this.reachedStock.incrementAndGet();
			return new TestingAuthenticationToken("tv", null);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OAuth2DeviceCodeAuthenticationToken.class.isAssignableFrom(authentication);
		}

	};

	private final DevicePolling polling = new DevicePolling(this.stock, this.authorizations, this.clock, Duration.ofSeconds(5),
			new InMemoryCounters(this.clock));

	private static RegisteredClient client(String id) {
		return RegisteredClient.withId(id)
			.clientId(id)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
			.build();
	}

	private OAuth2Authorization.Builder pending(String deviceCode) {
		return pending(deviceCode, START.plus(Duration.ofMinutes(10)));
	}

	private OAuth2Authorization.Builder pending(String deviceCode, Instant expiresAt) {
		return OAuth2Authorization.withRegisteredClient(TV)
			.id(deviceCode)
			.principalName("tv")
			.authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
			.token(new OAuth2DeviceCode(deviceCode, START, expiresAt))
			.token(new OAuth2UserCode("U-" + deviceCode, START, expiresAt));
	}

	private void poll(RegisteredClient client, String deviceCode) {
		this.polling.authenticate(pollOf(client, deviceCode));
	}

	private static OAuth2DeviceCodeAuthenticationToken pollOf(RegisteredClient client, String deviceCode) {
		return new OAuth2DeviceCodeAuthenticationToken(deviceCode,
				new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null), Map.of());
	}

	private void assertSlowDown(RegisteredClient client, String deviceCode) {
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> poll(client, deviceCode))
			.satisfies(ex -> assertThat(ex.getError().getErrorCode()).isEqualTo("slow_down"));
	}

	@Test
	void authenticateWhenPolledAtTheIntervalThenEveryPollReachesTheStockProvider() {
		this.authorizations.save(pending("d1").build());
		for (int i = 0; i < 4; i++) {
			poll(TV, "d1");
			this.clock.advance(Duration.ofSeconds(5));
		}
		assertThat(this.reachedStock).hasValue(4);
	}

	@Test
	void authenticateWhenPolledSoonerThanTheIntervalThenSlowDownAndFiveSecondsMoreForThisBoxOnly() {
		this.authorizations.save(pending("d1").build());
		this.authorizations.save(pending("d2").build());
		poll(TV, "d1");
		poll(TV, "d2");
		this.clock.advance(Duration.ofSeconds(4));

		assertSlowDown(TV, "d1"); // asks for 10 s from now on
		this.clock.advance(Duration.ofSeconds(9));
		assertSlowDown(TV, "d1"); // 9 s is still too soon: 15 s from now on
		this.clock.advance(Duration.ofSeconds(15));
		poll(TV, "d1");
		poll(TV, "d2"); // the other box keeps its 5 s

		assertThat(this.reachedStock).hasValue(4);
	}

	@Test
	void authenticateWhenReaderHasDecidedThenNoSlowDown() {
		OAuth2Authorization authorization = pending("d1").build();
		this.authorizations.save(authorization);
		poll(TV, "d1");
		this.authorizations.save(OAuth2Authorization.from(authorization)
			.invalidate(authorization.getToken(OAuth2UserCode.class).getToken())
			.build());

		poll(TV, "d1");

		assertThat(this.reachedStock).hasValue(2);
		assertThat(this.polling.tracks("d1")).isFalse();
	}

	@Test
	void authenticateWhenTheCodeAlreadyGaveTokensThenInvalidGrantNotAccessDenied() {
		Instant now = this.clock.instant();
		this.authorizations.save(pending("d1")
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at", now, now.plusSeconds(600)))
			.build());

		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> poll(TV, "d1"))
			.satisfies(ex -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_grant"));
		assertThat(this.reachedStock).hasValue(0);
	}

	@Test
	void authenticateWhenUnknownCodeOrAnotherClientsCodeThenStockProviderDecides() {
		this.authorizations.save(pending("d1").build());
		poll(TV, "unknown");
		poll(TV, "unknown");
		poll(OTHER, "d1");
		poll(OTHER, "d1");

		assertThat(this.reachedStock).hasValue(4);
		assertThat(this.polling.tracks("d1")).isFalse();
		assertThat(this.polling.tracks("unknown")).isFalse();
	}

	@Test
	void authenticateWhenDeviceCodesExpiredThenTheirPacesAreForgotten() {
		this.authorizations.save(pending("d1").build());
		poll(TV, "d1");
		this.clock.advance(Duration.ofSeconds(1));
		assertSlowDown(TV, "d1");
		assertThat(this.polling.tracks("d1")).isTrue();
		this.clock.advance(Duration.ofMinutes(11));
		this.authorizations.save(pending("d2", START.plus(Duration.ofMinutes(30))).build());

		poll(TV, "d2");

		assertThat(this.polling.tracks("d1")).isFalse();
		assertThat(this.polling.tracks("d2")).isTrue();
	}

	@Test
	void authenticateWhenTheStoreCannotCountThenNoSlowDown() {
		DevicePolling polling = new DevicePolling(this.stock, this.authorizations, this.clock, Duration.ofSeconds(5),
				new UnavailableCounters(this.clock));
		this.authorizations.save(pending("d1").build());
		polling.authenticate(pollOf(TV, "d1"));
		polling.authenticate(pollOf(TV, "d1"));

		assertThat(this.reachedStock).hasValue(2);
	}

	@Test
	void authenticateWhenTwoNodesShareTheCountersThenAPollOnEitherSetsThePace() {
		InMemoryCounters shared = new InMemoryCounters(this.clock);
		DevicePolling node1 = new DevicePolling(this.stock, this.authorizations, this.clock, Duration.ofSeconds(5), shared);
		DevicePolling node2 = new DevicePolling(this.stock, this.authorizations, this.clock, Duration.ofSeconds(5), shared);
		this.authorizations.save(pending("d1").build());
		node1.authenticate(pollOf(TV, "d1"));
		this.clock.advance(Duration.ofSeconds(2));

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> node2.authenticate(pollOf(TV, "d1")))
			.satisfies(ex -> assertThat(ex.getError().getErrorCode()).isEqualTo("slow_down"));
	}

}

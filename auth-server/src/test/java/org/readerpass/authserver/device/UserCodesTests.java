package org.readerpass.authserver.device;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.authorization.InMemoryAuthorizationStore;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;

import static org.assertj.core.api.Assertions.assertThat;

class UserCodesTests {

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	private static final RegisteredClient TV = RegisteredClient.withId("tv")
		.clientId("tv")
		.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
		.authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
		.build();

	private final InMemoryAuthorizationStore authorizations = new InMemoryAuthorizationStore(
			new MutableClock(NOW));

	private final UserCodes userCodes = new UserCodes(this.authorizations, new MutableClock(NOW), Duration.ofMinutes(10));

	private static OAuth2TokenContext context(OAuth2TokenType type) {
		return DefaultOAuth2TokenContext.builder().registeredClient(TV).tokenType(type).build();
	}

	@Test
	void generateWhenUserCodeAskedThenEightLettersOfTheAlphabetAsXxxxDashXxxxLivingTheLifetime() {
		OAuth2UserCode code = this.userCodes.generate(context(UserCodes.TYPE));

		assertThat(code.getTokenValue()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
		assertThat(code.getIssuedAt()).isEqualTo(NOW);
		assertThat(code.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
	}

	@Test
	void generateWhenAnotherTokenTypeAskedThenNothing() {
		assertThat(this.userCodes.generate(context(DeviceCodes.TYPE))).isNull();
		assertThat(this.userCodes.generate(context(OAuth2TokenType.ACCESS_TOKEN))).isNull();
	}

	@Test
	void nextWhenDrawnManyTimesThenEveryLetterOfTheAlphabetAtEveryPositionAndNoOther() {
		Map<Character, Integer> counts = new HashMap<>();
		for (int i = 0; i < 4000; i++) {
			String code = this.userCodes.next();
			assertThat(code).hasSize(9).contains("-");
			code.replace("-", "").chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
		}
		assertThat(counts).containsOnlyKeys(UserCodes.ALPHABET.chars().mapToObj(c -> (char) c).toList());
		// 32,000 letters, about 1,600 of each
		assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(800, 3200));
	}

	@Test
	void generateWhenCodeAlreadyHeldByAStoredAuthorizationThenAnotherOne() {
		// draws B eight times (BBBB-BBBB), then C eight times (CCCC-CCCC)
		RandomGenerator scripted = new RandomGenerator() {

			private int draws;

			@Override
			public int nextInt(int bound) {
				return (this.draws++ < UserCodes.LENGTH) ? 0 : 1;
			}

			@Override
			public long nextLong() {
				throw new UnsupportedOperationException();
			}

		};
		this.authorizations.save(OAuth2Authorization.withRegisteredClient(TV)
			.id("held")
			.principalName("tv")
			.authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
			.token(new OAuth2DeviceCode("device-1", NOW, NOW.plusSeconds(600)))
			.token(new OAuth2UserCode("BBBB-BBBB", NOW, NOW.plusSeconds(600)))
			.build());

		OAuth2UserCode code = new UserCodes(this.authorizations, new MutableClock(NOW), Duration.ofMinutes(10), scripted)
			.generate(context(UserCodes.TYPE));

		assertThat(code.getTokenValue()).isEqualTo("CCCC-CCCC");
	}

	@Test
	void normalizeWhenTypedLooselyThenStoredForm() {
		for (String typed : List.of("BCDF-GHJK", "bcdf-ghjk", "bcdfghjk", " BCDF GHJK ", "bc df - gh jk",
				"ＢＣＤＦ－ＧＨＪＫ", "bcdf—ghjk", "BCDF\u3000GHJK")) {
			assertThat(UserCodes.normalize(typed)).as(typed).contains("BCDF-GHJK");
		}
	}

	@Test
	void normalizeWhenNotEightLettersOfTheAlphabetThenEmpty() {
		for (String typed : List.of("", "   ", "BCDF-GHJ", "BCDF-GHJKL", "BCDF-GH0K", "ABCD-EFGH", "BCDF_GHJK",
				"BCDF-GHJK".repeat(10), "BCDF-GHJ\u00C9")) {
			assertThat(UserCodes.normalize(typed)).as(typed).isEqualTo(Optional.empty());
		}
		assertThat(UserCodes.normalize(null)).isEmpty();
	}

}

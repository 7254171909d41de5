package org.readerpass.authserver.resource;

import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResourceIndicatorsTests {

	private static final URI EBOOKS = URI.create("https://ebooks.nlc.example/api");

	private static final URI JOURNALS = URI.create("https://journals.zjlib.example/");

	@Test
	void parseWhenAbsentSingleOrRepeatedThenUris() {
		assertThat(ResourceIndicators.parse(null)).isEmpty();
		assertThat(ResourceIndicators.parse(EBOOKS.toString())).containsExactly(EBOOKS);
		assertThat(ResourceIndicators.parse(new String[] { EBOOKS.toString(), JOURNALS.toString() }))
			.containsExactly(EBOOKS, JOURNALS);
		assertThat(ResourceIndicators.parse("urn:readerpass:zj:api")).containsExactly(URI.create("urn:readerpass:zj:api"));
	}

	@Test
	void parseWhenRelativeFragmentOrGarbageThenInvalidTarget() {
		for (String bad : new String[] { "/api", "https://ebooks.nlc.example/api#x", "not a uri", "" }) {
			assertThatExceptionOfType(OAuth2AuthenticationException.class).as(bad)
				.isThrownBy(() -> ResourceIndicators.parse(bad))
				.satisfies(ex -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_target"));
		}
	}

	@Test
	void chooseWhenTokenRequestNamesOneOfTheAuthorizedThenThatOne() {
		assertThat(ResourceIndicators.choose(Set.of(EBOOKS, JOURNALS), Set.of(JOURNALS))).isEqualTo(JOURNALS);
		assertThat(ResourceIndicators.choose(Set.of(EBOOKS), Set.of())).isEqualTo(EBOOKS);
		assertThat(ResourceIndicators.choose(Set.of(), Set.of(EBOOKS))).isEqualTo(EBOOKS);
		assertThat(ResourceIndicators.choose(Set.of(), Set.of())).isNull();
	}

	@Test
	void chooseWhenTokenRequestWidensOrIsAmbiguousThenInvalidTarget() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> ResourceIndicators.choose(Set.of(EBOOKS), Set.of(JOURNALS)));
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> ResourceIndicators.choose(Set.of(EBOOKS, JOURNALS), Set.of()));
	}

}

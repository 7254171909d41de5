package org.readerpass.authserver.device;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * User codes, the code a TV shows and a reader types on a phone (RFC 8628 §6.1): eight letters of
 * {@value #ALPHABET} — no vowels, so no words, and no digits, so nothing to confuse with O or I —
 * each drawn uniformly, shown as {@code XXXX-XXXX} (20^8, about 34 bits, against a verification
 * page that refuses more than a few wrong codes). A new code is never one a stored authorization
 * already holds.
 *
 * <p>
 * What a reader types is read generously ({@link #normalize}): lower or upper case, full-width
 * letters from a Chinese input method, with or without the dash, with spaces.
 */
final class UserCodes implements OAuth2TokenGenerator<OAuth2UserCode> {

	static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

	static final int LENGTH = 8;

	static final OAuth2TokenType TYPE = new OAuth2TokenType(OAuth2ParameterNames.USER_CODE);

	private static final int LONGEST_INPUT = 64;

	private static final int TRIES = 5;

	private final RandomGenerator random;

	private final OAuth2AuthorizationService authorizations;

	private final Clock clock;

	private final Duration lifetime;

	UserCodes(OAuth2AuthorizationService authorizations, Clock clock, Duration lifetime) {
		this(authorizations, clock, lifetime, new SecureRandom());
	}

	UserCodes(OAuth2AuthorizationService authorizations, Clock clock, Duration lifetime, RandomGenerator random) {
		this.random = random;
		this.authorizations = authorizations;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	@Override
	public OAuth2UserCode generate(OAuth2TokenContext context) {
		if (!TYPE.equals(context.getTokenType())) {
			return null;
		}
		for (int i = 0; i < TRIES; i++) {
			String code = next();
			if (this.authorizations.findByToken(code, TYPE) == null) {
				Instant now = this.clock.instant();
				return new OAuth2UserCode(code, now, now.plus(this.lifetime));
			}
		}
		return null; // the stock provider answers server_error; five collisions in a row do not happen
	}

	/** A random code, {@code XXXX-XXXX}. */
	String next() {
		StringBuilder code = new StringBuilder(LENGTH + 1);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return code.insert(LENGTH / 2, '-').toString();
	}

	/**
	 * A typed code in the stored form {@code XXXX-XXXX}, or empty when it cannot be one: after
	 * Unicode compatibility normalisation (full-width letters and dashes) and upper-casing, spaces
	 * and dashes are dropped and exactly eight letters of the alphabet must remain.
	 */
	static Optional<String> normalize(String typed) {
		if (typed == null || typed.length() > LONGEST_INPUT) {
			return Optional.empty();
		}
		String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
		StringBuilder letters = new StringBuilder(LENGTH);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)
					|| Character.getType(c) == Character.DASH_PUNCTUATION) {
				continue;
			}
			if (ALPHABET.indexOf(c) < 0 || letters.length() == LENGTH) {
				return Optional.empty();
			}
			letters.append(c);
		}
		if (letters.length() != LENGTH) {
			return Optional.empty();
		}
		return Optional.of(letters.insert(LENGTH / 2, '-').toString());
	}

}

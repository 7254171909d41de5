package org.readerpass.ldapsync.linking;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The 18-character resident identity number of GB 11643-1999: 6-digit area code, 8-digit birth
 * date, 3-digit sequence and a check character. Never logged, never stored in clear: only its
 * HMAC (see {@link ResidentIdHasher}) leaves this package.
 */
final class ResidentIdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	private ResidentIdNumber() {
	}

	/** Whether the value is 17 digits and the right check character, with a real past birth date. */
	static boolean isValid(String value) {
		return normalize(value).isPresent();
	}

	/**
	 * The number trimmed, with a lower-case check character {@code x} upper-cased, or empty when
	 * it is not valid.
	 */
	static Optional<String> normalize(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String number = value.trim().toUpperCase(Locale.ROOT);
		if (number.length() != 18 || !isDigits(number.substring(0, 17))
				|| number.charAt(17) != checkCharacter(number.substring(0, 17))
				|| !hasPlausibleBirthDate(number.substring(6, 14))) {
			return Optional.empty();
		}
		return Optional.of(number);
	}

	/** The check character for the first 17 digits (Σ dᵢ·wᵢ mod 11 through {@code 10X98765432}). */
	static char checkCharacter(String first17Digits) {
		if (first17Digits.length() != 17 || !isDigits(first17Digits)) {
			throw new IllegalArgumentException("expected 17 digits");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	private static boolean isDigits(String value) {
		return value.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	private static boolean hasPlausibleBirthDate(String yyyymmdd) {
		try {
			LocalDate birthDate = LocalDate.parse(yyyymmdd, BIRTH_DATE);
			return !birthDate.isBefore(EARLIEST_BIRTH_DATE) && !birthDate.isAfter(LocalDate.now());
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}

package org.readerpass.authserver.language;

import java.util.List;
import java.util.Locale;

/**
 * The languages of the reader pages: Chinese (the default) and English. A browser's
 * {@code Accept-Language} chooses between them by its own preference order; a header that names
 * neither, or is malformed or absent, gets the default.
 */
final class PageLanguages {

	static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	private static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private PageLanguages() {
	}

	/** The supported language the header prefers most, or the default. */
	static Locale fromAcceptLanguage(String header) {
		if (header == null || header.isBlank()) {
			return DEFAULT;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				for (Locale supported : SUPPORTED) {
					String language = range.getRange().split("-", 2)[0];
					if (range.getWeight() > 0 && language.equalsIgnoreCase(supported.getLanguage())) {
						return supported;
					}
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// a malformed header chooses nothing
		}
		return DEFAULT;
	}

}

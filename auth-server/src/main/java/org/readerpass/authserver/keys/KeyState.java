package org.readerpass.authserver.keys;

import java.util.Locale;

/** What a signing key is at an instant: its place in its algorithm's rotation. */
enum KeyState {

	/** Published, not signing yet: the successor verifiers learn before it signs. */
	NEXT,
	/** Published and signing. */
	CURRENT,
	/** Published, no longer signing: tokens it signed may still be in use. */
	PREVIOUS,
	/** Not published; its private part is erased. */
	RETIRED;

	/** {@code next}, {@code current}, {@code previous}, {@code retired}. */
	String text() {
		return name().toLowerCase(Locale.ROOT);
	}

}

package org.readerpass.ldapsync.linking;

/**
 * Valid resident ID numbers for test data outside {@code linking}, made with the check character of
 * {@link ResidentIdNumber} (package-private: production code outside {@code linking} sees only its
 * HMAC).
 */
public final class TestResidentIdNumbers {

	private TestResidentIdNumbers() {
	}

	/** The 17 digits followed by their GB 11643 check character. */
	public static String withCheckCharacter(String first17Digits) {
		return first17Digits + ResidentIdNumber.checkCharacter(first17Digits);
	}

}

package org.readerpass.ldapsync.linking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.readerpass.policy.Secret;

/**
 * Reduces a resident ID number to a keyed HMAC-SHA256 (64 lower-case hex characters), the only
 * form in which ReaderPass stores or compares it. Without the key the HMAC cannot be reversed by
 * trying the (small) space of valid numbers.
 */
public final class ResidentIdHasher {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public ResidentIdHasher(Secret key) {
		if (key == null || key.isEmpty()) {
			throw new IllegalArgumentException("identity HMAC key is required");
		}
		this.key = new SecretKeySpec(key.bytes(), ALGORITHM);
	}

	/** The HMAC of the normalized number, or empty when the number is not valid. */
	public Optional<String> hash(String idNumber) {
		return ResidentIdNumber.normalize(idNumber).map(this::hmac);
	}

	private String hmac(String normalizedNumber) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe: one per call
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(normalizedNumber.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}

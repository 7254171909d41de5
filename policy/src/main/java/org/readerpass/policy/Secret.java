package org.readerpass.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A configuration secret (bind password, key-encryption key, HMAC key). Its {@link #toString()}
 * is {@code ****} so it never reaches a log line or an error message by accident; the value is
 * read only through {@link #reveal()}.
 */
public final class Secret {

	private final String value;

	private Secret(String value) {
		this.value = Objects.requireNonNull(value, "value");
	}

	/** Used by configuration binding (String to Secret). */
	public static Secret of(String value) {
		return new Secret(value);
	}

	public String reveal() {
		return this.value;
	}

	public byte[] bytes() {
		return this.value.getBytes(StandardCharsets.UTF_8);
	}

	public boolean isEmpty() {
		return this.value.isEmpty();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Secret that
				&& MessageDigest.isEqual(bytes(), that.bytes());
	}

	@Override
	public int hashCode() {
		return 0; // deliberately constant: a hash of a secret is a leak
	}

	@Override
	public String toString() {
		return "****";
	}

}

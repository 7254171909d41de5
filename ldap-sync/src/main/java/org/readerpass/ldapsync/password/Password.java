package org.readerpass.ldapsync.password;

import java.util.Optional;

/**
 * A password a reader typed, never empty: an LDAP simple bind with an empty password is an
 * anonymous bind, which a directory accepts, so no {@code Password} can hold one. Made once, where
 * the password comes in ({@link #of}), and passed down to the bind; no layer below checks for an
 * empty password again. Its {@link #toString()} is {@code ****}: it is never logged, cached or
 * stored, and read only through {@link #reveal()}.
 */
public final class Password {

	private final String value;

	private Password(String value) {
		this.value = value;
	}

	/** The password, or empty when there is none ({@code null} or the empty string). */
	public static Optional<Password> of(String value) {
		return (value == null || value.isEmpty()) ? Optional.empty() : Optional.of(new Password(value));
	}

	/** The password itself, for the bind request. */
	public String reveal() {
		return this.value;
	}

	@Override
	public String toString() {
		return "****";
	}

}

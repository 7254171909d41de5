package org.readerpass.authserver.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes client secrets with SHA-256: {@code {sha256}<base64url of the digest>}.
 *
 * <p>
 * Client secrets are machine-generated with at least 256 bits of entropy ({@link #newSecret()}),
 * so a slow password hash buys nothing against guessing and would cost a BCrypt round (~60 ms)
 * on every token request; a plain digest keeps the stored form useless to a reader of the
 * database while a check costs about a microsecond. See
 * {@code docs/decisions/2026-11-25-client-secrets-sha256.md}. A human-chosen password must never
 * be used as a client secret; start-up refuses secrets that are not in this hashed form.
 */
public final class ClientSecretHasher implements PasswordEncoder {

	public static final String PREFIX = "{sha256}";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A new random client secret (256 bits, base64url). */
	public static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static boolean isHashed(String stored) {
		return stored != null && stored.startsWith(PREFIX) && stored.length() == PREFIX.length() + 43;
	}

	@Override
	public String encode(CharSequence rawSecret) {
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest(rawSecret));
	}

	@Override
	public boolean matches(CharSequence rawSecret, String stored) {
		if (rawSecret == null || !isHashed(stored)) {
			return false;
		}
		byte[] expected;
		try {
			expected = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(expected, digest(rawSecret));
	}

	@Override
	public boolean upgradeEncoding(String encodedSecret) {
		return false;
	}

	private static byte[] digest(CharSequence rawSecret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(rawSecret.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** Prints a new secret and its hash: {@code java -cp readerpass.jar ... ClientSecretHasher}. */
	public static void main(String[] args) {
		String secret = (args.length > 0) ? args[0] : newSecret();
		System.out.println("secret:      " + secret);
		System.out.println("secret-hash: " + new ClientSecretHasher().encode(secret));
	}

}

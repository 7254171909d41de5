package org.readerpass.authserver.login;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Who is signed in: the person (the SSO subject) and the account they signed in with.
 * Kept inside authorizations, which the Redis store serializes: a change of these components must
 * bump the versions in {@code authorization.AuthorizationCodec} (a record would otherwise be read
 * back with a missing component as {@code null}).
 *
 * @param readerId the person's id, the tokens' {@code sub}
 * @param accountId the library account used to sign in
 * @param libraryCode that account's library
 * @param authTime when the password was checked
 * @param sessionId the SSO session this sign-in started: random, the ID tokens' {@code sid}
 */
public record ReaderPrincipal(UUID readerId, UUID accountId, String libraryCode, Instant authTime, String sessionId)
		implements Serializable {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A new SSO session id: 128 random bits, base64url. */
	public static String newSessionId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public String subject() {
		return this.readerId.toString();
	}

}

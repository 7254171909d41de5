package org.readerpass.authserver.login;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * Who is signed in: the person (the SSO subject) and the account they signed in with.
 *
 * @param readerId the person's id, the tokens' {@code sub}
 * @param accountId the library account used to sign in
 * @param libraryCode that account's library
 * @param authTime when the password was checked
 */
public record ReaderPrincipal(UUID readerId, UUID accountId, String libraryCode, Instant authTime)
		implements Serializable {

	public String subject() {
		return this.readerId.toString();
	}

}

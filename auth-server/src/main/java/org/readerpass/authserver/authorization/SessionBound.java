package org.readerpass.authserver.authorization;

/**
 * A principal signed in within one SSO session. Authorizations granted to it belong to that
 * session: logging out of it revokes them ({@link AuthorizationStore#revokeSession}), and ID tokens
 * name it as {@code sid}.
 */
public interface SessionBound {

	/** The SSO session's opaque id: random, never the HTTP session id. */
	String sessionId();

}

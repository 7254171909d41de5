package org.readerpass.authserver.session;

import java.util.List;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * The authorization server's {@link SessionRegistry}, holding nothing. Without a registry bean the
 * authorization server makes a {@code SessionRegistryImpl}, which keeps an entry (the session id
 * and the reader's principal) for every sign-in until a session-destroyed event removes it; Spring
 * Session's Redis sessions never publish that event, and Tomcat's sessions only through an
 * {@code HttpSessionEventPublisher}, so on every node the registry grew by one entry per login
 * for as long as the node ran (17,582 entries after 17,582 logins, filling a 96 MB heap in a few
 * minutes of the login benchmark). ReaderPass needs none of it: the ID token's {@code sid} and
 * {@code auth_time} come from the reader's principal ({@code token.TokenCustomizer}), RP-initiated
 * logout checks its hint by itself ({@link RpInitiatedLogout}), and the SSO sessions live in the
 * session store, Redis on several nodes.
 */
final class HeldNowhereSessionRegistry implements SessionRegistry {

	@Override
	public List<Object> getAllPrincipals() {
		return List.of();
	}

	@Override
	public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
		return List.of();
	}

	@Override
	public SessionInformation getSessionInformation(String sessionId) {
		return null;
	}

	@Override
	public void refreshLastRequest(String sessionId) {
	}

	@Override
	public void registerNewSession(String sessionId, Object principal) {
	}

	@Override
	public void removeSessionInformation(String sessionId) {
	}

}

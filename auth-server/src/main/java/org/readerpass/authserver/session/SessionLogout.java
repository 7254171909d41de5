package org.readerpass.authserver.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.readerpass.authserver.authorization.AuthorizationStore;
import org.readerpass.authserver.authorization.SessionBound;
import org.readerpass.authserver.subject.PairwiseSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/**
 * Ends an SSO session: every authorization granted in it is revoked (its refresh tokens stop
 * working, its access tokens go on the revocation list), each app that signed the reader in
 * during it and registered a back-channel logout URI is told in the background
 * ({@link BackChannelLogout}), and the browser's session ends when it is that session or the
 * same reader's.
 *
 * <p>
 * Used by RP-initiated logout (the session named by the {@code id_token_hint}'s {@code sid}) and
 * by the reader's own sign-out ({@code POST /logout}: the browser's session).
 */
public final class SessionLogout implements LogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(SessionLogout.class);

	private final AuthorizationStore authorizations;

	private final BackChannelLogout backChannel;

	private final RegisteredClientRepository clients;

	private final PairwiseSubjects subjects;

	private final SecurityContextLogoutHandler browserLogout = new SecurityContextLogoutHandler();

	public SessionLogout(AuthorizationStore authorizations, BackChannelLogout backChannel,
			RegisteredClientRepository clients, PairwiseSubjects subjects) {
		this.authorizations = authorizations;
		this.backChannel = backChannel;
		this.clients = clients;
		this.subjects = subjects;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		Authentication browser = SecurityContextHolder.getContext().getAuthentication();
		String browserSession = (browser instanceof SessionBound bound) ? bound.sessionId() : null;
		String ended;
		boolean endBrowserSession;
		if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.getIdToken() != null) {
			OidcIdToken hint = logout.getIdToken();
			ended = hint.getClaimAsString("sid");
			endBrowserSession = browserSession != null
					&& (browserSession.equals(ended) || sameReader(browser, logout.getClientId(), hint.getSubject()));
		}
		else {
			ended = browserSession;
			endBrowserSession = browser != null;
		}
		if (ended != null) {
			end(ended);
		}
		if (endBrowserSession && browserSession != null && !browserSession.equals(ended)) {
			end(browserSession);
		}
		if (endBrowserSession) {
			this.browserLogout.logout(request, response, browser);
		}
	}

	/** Whether the hint's {@code sub}, as its client sees readers, is the browser's reader. */
	private boolean sameReader(Authentication browser, String clientId, String hintSubject) {
		RegisteredClient client = (clientId != null) ? this.clients.findByClientId(clientId) : null;
		return client != null && this.subjects.subjectFor(client, browser.getName()).equals(hintSubject);
	}

	private void end(String sessionId) {
		List<OAuth2Authorization> revoked = this.authorizations.revokeSession(sessionId);
		log.debug("SSO session ended authorizations={}", revoked.size());
		this.backChannel.notifyLoggedOut(sessionId, revoked);
	}

}

package org.readerpass.authserver.login;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends an SSO session whose reader may no longer sign in — suspended, expired or purged in the
 * directory since — before the authorization endpoint (or a TV box's confirmation page) sees it:
 * the request goes on anonymous, so the reader gets the login page (or {@code login_required} for
 * {@code prompt=none}), never a code or a signed-in TV. One account read per checked request of a
 * signed-in reader, but none for the request a login continues ({@link #SIGNED_IN_BY_THIS_REQUEST}):
 * the login read the account a moment before, in the same request.
 */
public final class ReaderSessionCheck extends OncePerRequestFilter {

	/**
	 * The request attribute (set by the server, never by a client) of a request whose reader this
	 * very request signed in ({@link AuthorizationContinuation}): there is no session to re-check.
	 */
	static final String SIGNED_IN_BY_THIS_REQUEST = ReaderSessionCheck.class.getName() + ".SIGNED_IN_BY_THIS_REQUEST";

	private static final Logger log = LoggerFactory.getLogger(ReaderSessionCheck.class);

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	private final RequestMatcher checked;

	private final ReaderLogin readerLogin;

	/** @param checked the requests on which a session must still be good (authorization, TV box confirmation) */
	public ReaderSessionCheck(RequestMatcher checked, ReaderLogin readerLogin) {
		this.checked = checked;
		this.readerLogin = readerLogin;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contextHolder.getContext().getAuthentication();
		if (this.checked.matches(request) && authentication instanceof ReaderAuthenticationToken reader
				&& request.getAttribute(SIGNED_IN_BY_THIS_REQUEST) == null
				&& !this.readerLogin.mayStaySignedIn(reader.getPrincipal())) {
			log.info("SSO session ended: the account may no longer sign in library={}",
					reader.getPrincipal().libraryCode());
			this.contextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

}

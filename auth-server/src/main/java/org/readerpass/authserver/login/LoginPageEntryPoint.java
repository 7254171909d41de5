package org.readerpass.authserver.login;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The login page for a page that needs a signed-in reader (an app's authorization request, the TV
 * box confirmation): shown at once, at the URL the browser asked for — a server-side forward to
 * {@code /login}, as the stock entry point does with {@code useForward} — instead of a redirect to
 * it. Every login saves a round trip: the redirect's request, its session read and its filter
 * chains (one request in five of a complete login). The request itself is saved first
 * ({@link SavedReaderRequests}), so the form's POST to {@code /login} comes back to it after the
 * password; the page's language links lead to {@code /login} ({@link #FORWARDED}).
 *
 * <p>
 * Anything but a {@code GET} (a form-posted authorization request, OIDC Core §3.1.2.1) is
 * redirected to the login page, absolute from the configured issuer (never the {@code Host}
 * header), as before: a forward would hand its body to the login form's handler.
 */
public final class LoginPageEntryPoint implements AuthenticationEntryPoint {

	/** Request attribute set on a forwarded login page: links on it must name /login, not ''. */
	public static final String FORWARDED = LoginPageEntryPoint.class.getName() + ".FORWARDED";

	static final String LOGIN_PAGE = "/login";

	private final AuthenticationEntryPoint redirect;

	public LoginPageEntryPoint(String issuer) {
		this.redirect = new LoginUrlAuthenticationEntryPoint(issuer + LOGIN_PAGE);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		if (!HttpMethod.GET.matches(request.getMethod())) {
			this.redirect.commence(request, response, authException);
			return;
		}
		request.setAttribute(FORWARDED, Boolean.TRUE);
		request.getRequestDispatcher(LOGIN_PAGE).forward(request, response);
	}

}

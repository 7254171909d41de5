package org.readerpass.authserver.login;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.View;

/**
 * Once the login form has signed a reader in, continues the authorization request that the login
 * page came in front of, within the form's {@code POST}: the saved request (a {@code GET} of the
 * authorization endpoint, its path and query) goes through the server's security filters as a
 * request of its own ({@link SavedAuthorizationRequest}), so the form's answer is the authorization
 * endpoint's own — a {@code 302} to the app with the code or an error, or the consent page —
 * instead of a {@code 302} back to the authorization endpoint that the browser would then ask for.
 * One request less per login, and no read of the SSO session from Redis for it. What the endpoint
 * decides is unchanged: it sees the request the browser would have sent, with the session the
 * login has just established (whose account {@link ReaderSessionCheck} need not read again: the
 * login has just read it).
 *
 * <p>
 * Any other saved page (a TV box's confirmation page) and a request that does not reach the
 * endpoint are answered with the redirect the browser would have had.
 */
final class AuthorizationContinuation {

	private final Supplier<Filter> securityFilters;

	private final String authorizationEndpoint;

	/**
	 * @param securityFilters the server's security filters, as the servlet container calls them
	 * (Spring Security's {@code springSecurityFilterChain})
	 * @param authorizationEndpoint the authorization endpoint's path
	 */
	AuthorizationContinuation(Supplier<Filter> securityFilters, String authorizationEndpoint) {
		this.securityFilters = SingletonSupplier.of(securityFilters);
		this.authorizationEndpoint = authorizationEndpoint;
	}

	/** Whether {@code pathAndQuery} (relative to the context path) is a request this continues. */
	boolean continues(String pathAndQuery) {
		int question = pathAndQuery.indexOf('?');
		String path = (question >= 0) ? pathAndQuery.substring(0, question) : pathAndQuery;
		return path.equals(this.authorizationEndpoint);
	}

	/** The answer: the authorization endpoint's, for {@code pathAndQuery} with this request's session. */
	View answer(String pathAndQuery) {
		return (model, request, response) -> answer(pathAndQuery, request, response);
	}

	private void answer(String pathAndQuery, HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		String redirect = request.getContextPath() + pathAndQuery;
		SavedAuthorizationRequest continued = new SavedAuthorizationRequest(request, pathAndQuery);
		continued.setAttribute(ReaderSessionCheck.SIGNED_IN_BY_THIS_REQUEST, Boolean.TRUE);
		this.securityFilters.get().doFilter(continued, response,
				(unhandled, same) -> response.sendRedirect(redirect));
	}

}

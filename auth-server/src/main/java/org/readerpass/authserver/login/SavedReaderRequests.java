package org.readerpass.authserver.login;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.web.util.UriUtils;

/**
 * Where a reader was going when the login page came in between: the page's path and query, one
 * short string in the SSO session, instead of the stock {@link HttpSessionRequestCache}'s copy of
 * the whole request (every header, cookie and locale, in JDK serialization: the session's largest
 * attribute, written on every authorization request that needs a login and read twice after).
 *
 * <p>
 * Only {@code GET} page requests are kept (an authorization request, the TV box confirmation):
 * they are what a browser can be sent back to. The path is relative to the server (never the
 * request's {@code Host}); the login sends the reader back to it after the password. Nothing is
 * ever replayed from the session ({@link #getMatchingRequest} answers {@code null}): the URL holds
 * the whole request. A request saved by the stock cache (a node of an earlier release during a
 * rolling upgrade) is still found.
 */
public final class SavedReaderRequests implements RequestCache {

	/** The session attribute: the path and query, relative to the context path. */
	static final String ATTRIBUTE = "READERPASS_SAVED_REQUEST";

	private final HttpSessionRequestCache stock = new HttpSessionRequestCache();

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!worthSaving(request, path)) {
			return;
		}
		String query = request.getQueryString();
		request.getSession(true).setAttribute(ATTRIBUTE, (query != null) ? path + "?" + query : path);
	}

	/**
	 * What the stock cache's default rule keeps: a {@code GET} of a page, not an API call (JSON
	 * accepted, {@code XMLHttpRequest}), not an event stream, not the icon a browser asks for.
	 */
	private static boolean worthSaving(HttpServletRequest request, String path) {
		String accept = request.getHeader("Accept");
		return HttpMethod.GET.matches(request.getMethod())
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
				&& (accept == null || (!accept.contains("application/json") && !accept.contains("text/event-stream")))
				&& !path.startsWith("/favicon.");
	}

	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		if (session.getAttribute(ATTRIBUTE) instanceof String saved) {
			SimpleSavedRequest simple = new SimpleSavedRequest(saved);
			simple.setMethod(HttpMethod.GET.name());
			simple.setParameters(parameters(saved));
			return simple;
		}
		return this.stock.getRequest(request, response);
	}

	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		return null;
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			if (session.getAttribute(ATTRIBUTE) != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			this.stock.removeRequest(request, response);
		}
	}

	/** The query's parameters, decoded (UTF-8); a name without {@code =} has the value "". */
	static Map<String, String[]> parameters(String pathAndQuery) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		int question = pathAndQuery.indexOf('?');
		if (question < 0) {
			return parameters;
		}
		for (String pair : pathAndQuery.substring(question + 1).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode((eq >= 0) ? pair.substring(0, eq) : pair);
			String value = (eq >= 0) ? decode(pair.substring(eq + 1)) : "";
			String[] values = parameters.get(name);
			if (values == null) {
				parameters.put(name, new String[] { value });
			}
			else {
				String[] more = Arrays.copyOf(values, values.length + 1);
				more[values.length] = value;
				parameters.put(name, more);
			}
		}
		return parameters;
	}

	private static String decode(String encoded) {
		try {
			return UriUtils.decode(encoded.replace('+', ' '), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return encoded; // a malformed escape: the authorization endpoint refuses the request itself
		}
	}

}

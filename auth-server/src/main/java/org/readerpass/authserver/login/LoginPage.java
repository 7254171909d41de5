package org.readerpass.authserver.login;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The login page ({@code login.html}, rendered by Thymeleaf). The page as an app's authorization
 * request first shows it — nothing typed, no message, only the app's name and owner — is the same
 * for every reader of that app in one language but for the form's CSRF token: it is rendered once
 * per app, owner, language and path, kept, and written again with each request's own token
 * (masked afresh per request by Spring Security, as Thymeleaf's hidden field would have it).
 * Every other page (a message, a typed card, a choice of libraries) is rendered each time. JFR
 * put Thymeleaf's rendering of this page at ~11 % of a complete login's request-thread CPU.
 *
 * <p>
 * Kept only while the view resolver caches its templates ({@code spring.thymeleaf.cache}, on by
 * default), so that a template edited in development shows at once; at most {@link #MAX_PAGES}
 * pages (the language comes from a cookie a browser can set to anything: past the bound the
 * pages are dropped and rendered again, never kept without limit).
 */
final class LoginPage implements View {

	static final String VIEW = "login";

	/** Model attributes a kept page may depend on; any other one means a page rendered afresh. */
	static final Set<String> KEPT_ATTRIBUTES = Set.of("appName", "appOwner", "pagePath");

	static final int MAX_PAGES = 256;

	private final ViewResolver views;

	private final boolean keep;

	private final ConcurrentMap<Key, Rendered> pages = new ConcurrentHashMap<>();

	/**
	 * @param views resolves {@value #VIEW} to the template's view
	 * @param keep whether rendered pages are kept (whether the resolver caches templates)
	 */
	LoginPage(ViewResolver views, boolean keep) {
		this.views = views;
		this.keep = keep;
	}

	@Override
	public String getContentType() {
		return "text/html";
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		Locale locale = RequestContextUtils.getLocale(request);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		Key key = (this.keep && csrf != null) ? Key.of(model, locale) : null;
		Rendered kept = (key != null) ? this.pages.get(key) : null;
		if (kept != null) {
			kept.writeTo(response, locale, csrf.getToken());
			return;
		}
		View template = this.views.resolveViewName(VIEW, locale);
		if (template == null) {
			throw new IllegalStateException("no view for the login page");
		}
		if (key == null) {
			template.render(model, request, response);
			return;
		}
		Capture capture = new Capture(response);
		template.render(model, request, capture);
		String page = capture.text();
		Rendered rendered = Rendered.of(page, csrf.getToken(), response.getContentType());
		if (rendered != null) {
			if (this.pages.size() >= MAX_PAGES) {
				this.pages.clear();
			}
			this.pages.put(key, rendered);
		}
		PrintWriter writer = response.getWriter();
		writer.write(page);
		writer.flush(); // see Rendered.writeTo
	}

	/** How many pages are kept (for tests). */
	int kept() {
		return this.pages.size();
	}

	/** What a kept page depends on. */
	private record Key(Locale locale, Object appName, Object appOwner, Object pagePath) {

		/** The key of a page that may be kept, or {@code null}. */
		static Key of(Map<String, ?> model, Locale locale) {
			if (model != null) {
				for (Map.Entry<String, ?> attribute : model.entrySet()) {
					if (attribute.getValue() != null && !KEPT_ATTRIBUTES.contains(attribute.getKey())) {
						return null;
					}
				}
			}
			Map<String, ?> attributes = (model != null) ? model : Map.of();
			Object appName = attributes.get("appName");
			Object appOwner = attributes.get("appOwner");
			Object pagePath = attributes.get("pagePath");
			return (isText(appName) && isText(appOwner) && isText(pagePath))
					? new Key(Objects.requireNonNull(locale), appName, appOwner, pagePath) : null;
		}

		private static boolean isText(Object value) {
			return value == null || value instanceof String;
		}

	}

	/** A kept page: the text around its one CSRF token, and its content type. */
	private record Rendered(String before, String after, String contentType) {

		/** The page kept, or {@code null} when the token is not in it exactly once. */
		static Rendered of(String page, String token, String contentType) {
			int at = (token != null && !token.isEmpty()) ? page.indexOf(token) : -1;
			if (at < 0 || page.indexOf(token, at + 1) >= 0 || contentType == null) {
				return null;
			}
			return new Rendered(page.substring(0, at), page.substring(at + token.length()), contentType);
		}

		void writeTo(HttpServletResponse response, Locale locale, String token) throws java.io.IOException {
			response.setLocale(locale); // as the template's view does: Content-Language
			response.setContentType(this.contentType);
			PrintWriter writer = response.getWriter();
			writer.write(this.before);
			writer.write(token);
			writer.write(this.after);
			// committed here, as the template's view does: a forwarded page (LoginPageEntryPoint) is
			// closed by the container when the forward returns, past the wrappers that save the
			// session and set its cookie when the response commits
			writer.flush();
		}

	}

	/** The response as the template's view sees it: its text kept, headers and status passed on. */
	private static final class Capture extends HttpServletResponseWrapper {

		private final StringWriter text = new StringWriter(4096);

		private final PrintWriter writer = new PrintWriter(this.text);

		Capture(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("the login page is written as text");
		}

		@Override
		public void flushBuffer() {
			this.writer.flush();
		}

		String text() {
			this.writer.flush();
			return this.text.toString();
		}

	}

}

package org.readerpass.authserver.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal cookie-keeping browser over real HTTP: follows redirects on the server's own origin
 * only, so a redirect to a client's redirect URI is returned, not followed.
 */
public final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final CookieManager cookies;

	private final HttpClient http;

	private final URI origin;

	private final String forwardedFor;

	public Browser(URI origin) {
		this(origin, null);
	}

	/**
	 * A browser behind a reverse proxy: every request carries {@code X-Forwarded-For} with this
	 * address (the test client connects from loopback, a trusted proxy in the test configuration).
	 */
	public Browser(URI origin, String forwardedFor) {
		this(new CookieManager(), origin, forwardedFor);
	}

	private Browser(CookieManager cookies, URI origin, String forwardedFor) {
		this.cookies = cookies;
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.origin = origin;
		this.forwardedFor = forwardedFor;
	}

	/**
	 * The same browser (its cookies) talking to another origin: another node of the same server
	 * behind a load balancer (cookies do not depend on the port).
	 */
	public Browser at(URI otherOrigin) {
		return new Browser(this.cookies, otherOrigin, this.forwardedFor);
	}

	private HttpRequest.Builder request(URI uri) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", "text/html");
		if (this.forwardedFor != null) {
			builder.header("X-Forwarded-For", this.forwardedFor);
		}
		return builder;
	}

	/** A response, after following redirects that stay on the server. */
	public record Page(int status, URI uri, String body, String location, HttpHeaders headers) {

		public Page(int status, URI uri, String body, String location) {
			this(status, uri, body, location, HttpHeaders.of(Map.of(), (name, value) -> true));
		}

		public boolean isRedirectAway() {
			return this.location != null;
		}

		/**
		 * The reader login form: at {@code /login}, or at the URL of the page that needs a signed-in
		 * reader (LoginPageEntryPoint shows it there, without a redirect).
		 */
		public boolean isLoginPage() {
			return this.location == null && this.body != null && this.body.contains("action=\"/login\"")
					&& this.body.contains("name=\"password\"");
		}

		/** The first value of a response header. */
		public Optional<String> header(String name) {
			return this.headers.firstValue(name);
		}

	}

	/** The value of this browser's cookie {@code name} for the server, or {@code null}. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.get(this.origin)
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public Page get(URI uri) {
		return follow(request(uri).GET().build());
	}

	public Page get(String path) {
		return get(this.origin.resolve(path));
	}

	/** Submits the login form shown on {@code loginPage}. */
	public Page login(Page loginPage, String card, String password) {
		return login(loginPage, Map.of("card", card, "password", password));
	}

	public Page login(Page loginPage, Map<String, String> fields) {
		return submit(loginPage, "/login", fields);
	}

	/** Submits a form of {@code page} to {@code path} with its CSRF token and these fields. */
	public Page submit(Page page, String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", csrfToken(page));
		return post(path, withToken);
	}

	/** The CSRF token of the form on {@code page}. */
	public static String csrfToken(Page page) {
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new AssertionError("no CSRF token on the page (" + page.status() + " " + page.uri()
					+ ((page.location() != null) ? " -> " + page.location() : "") + "): " + page.body());
		}
		return csrf.group(1);
	}

	/** Posts a form to {@code path}, as it is: no CSRF token is added. */
	public Page post(String path, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return follow(request(this.origin.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);

	private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

	/** Submits the form of {@code page} that holds the button with this id, with its hidden fields. */
	public Page submitButton(Page page, String buttonId) {
		Matcher form = FORM.matcher(page.body());
		while (form.find()) {
			if (!form.group(2).contains("id=\"" + buttonId + "\"")) {
				continue;
			}
			Matcher input = INPUT.matcher(form.group(2));
			StringBuilder body = new StringBuilder();
			while (input.find()) {
				body.append(body.isEmpty() ? "" : "&").append(enc(unescape(input.group(1)))).append('=')
					.append(enc(unescape(input.group(2))));
			}
			return follow(request(this.origin.resolve(unescape(form.group(1))))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build());
		}
		throw new AssertionError("no form with button " + buttonId + " on " + page.uri());
	}

	private static String unescape(String html) {
		return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
			.replace("&gt;", ">");
	}

	private Page follow(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			for (int hops = 0; hops < 10; hops++) {
				String location = response.headers().firstValue("Location").orElse(null);
				if (response.statusCode() / 100 != 3 || location == null) {
					return new Page(response.statusCode(), response.uri(), response.body(), null, response.headers());
				}
				URI next = response.uri().resolve(location);
				if (!sameOrigin(next)) {
					return new Page(response.statusCode(), response.uri(), response.body(), location, response.headers());
				}
				response = this.http.send(request(next).GET().build(),
						HttpResponse.BodyHandlers.ofString());
			}
			throw new AssertionError("redirect loop at " + response.uri());
		}
		catch (IOException ex) {
			throw new AssertionError("request failed: " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private boolean sameOrigin(URI uri) {
		return this.origin.getScheme().equals(uri.getScheme()) && this.origin.getHost().equals(uri.getHost())
				&& this.origin.getPort() == uri.getPort();
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

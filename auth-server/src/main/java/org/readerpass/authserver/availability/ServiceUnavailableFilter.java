package org.readerpass.authserver.availability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.readerpass.authserver.security.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The outermost filter: a request that fails because PostgreSQL or Redis cannot be reached (even
 * in the session filter, before anything else runs) is answered {@code 503 Service Unavailable}
 * with {@code Retry-After} — OAuth2 JSON ({@code temporarily_unavailable}) for apps, a problem
 * document for the admin API, a page for readers — never a {@code 500} or a stack trace. Nothing is
 * half-written: a store that failed refused the whole operation, and the client tries again.
 */
final class ServiceUnavailableFilter implements Filter {

	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

	/** Endpoints that programs call: they get the OAuth2 error shape. */
	private static final List<String> PROTOCOL_PATHS = List.of("/oauth2/token", "/oauth2/introspect",
			"/oauth2/revoke", "/oauth2/device_authorization", "/oauth2/jwks", "/userinfo",
			"/.well-known/");

	private static final String OAUTH2_BODY = "{\"error\":\"temporarily_unavailable\",\"error_description\":"
			+ "\"The server cannot reach its store; try again shortly\"}";

	private static final String PROBLEM_BODY = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
			+ "\"status\":503,\"detail\":\"the server cannot reach its store; try again shortly\"}";

	private static final String PAGE_ZH = page("zh-CN", "服务暂时不可用", "读者通行证暂时无法服务，请稍候几秒再试。");

	private static final String PAGE_EN = page("en", "Briefly unavailable",
			"ReaderPass cannot serve you right now. Please try again in a few seconds.");

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!StoreFailures.isStoreUnavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			HttpServletRequest http = (HttpServletRequest) request;
			log.warn("Store unavailable: answered 503 method={} path={} failure={}", http.getMethod(),
					http.getRequestURI(), ex.getClass().getSimpleName());
			answer(http, (HttpServletResponse) response);
		}
	}

	private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		// reset() dropped the security headers the chains had set: the same ones again
		response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-Content-Type-Options", "nosniff");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String body;
		if (path.startsWith("/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			body = PROBLEM_BODY;
		}
		else if (PROTOCOL_PATHS.stream().anyMatch(path::startsWith)) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			body = OAUTH2_BODY;
		}
		else {
			response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
			body = prefersEnglish(request) ? PAGE_EN : PAGE_ZH;
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/** The page's language: English when the browser ranks it above Chinese, as the other pages do. */
	private static boolean prefersEnglish(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (accept == null) {
			return false;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
				String language = range.getRange().toLowerCase(Locale.ROOT);
				if (language.startsWith("zh")) {
					return false;
				}
				if (language.startsWith("en")) {
					return true;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return false;
	}

	private static String page(String language, String heading, String text) {
		return "<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + heading
				+ "</title><link rel=\"stylesheet\" href=\"/css/readerpass.css\"></head><body><main class=\"card\"><h1>"
				+ heading + "</h1><p>" + text + "</p><p class=\"detail\">HTTP 503</p></main></body></html>";
	}

}

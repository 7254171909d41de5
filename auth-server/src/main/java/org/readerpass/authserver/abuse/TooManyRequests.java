package org.readerpass.authserver.abuse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The protocol endpoints' answer past a rate: 429 with {@code Retry-After} (whole seconds) and an
 * OAuth 2.0 error body. RFC 6749 has no code for it; {@code temporarily_unavailable} (its §4.1.2.1
 * code for a server that cannot serve now) is what stock clients already understand as "try later".
 */
final class TooManyRequests {

	static final String ERROR = "temporarily_unavailable";

	private TooManyRequests() {
	}

	static void send(HttpServletResponse response, long retryAfterSeconds) throws IOException {
		response.setStatus(429);
		response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"error\":\"" + ERROR + "\",\"error_description\":\"Too many requests: try again in "
					+ retryAfterSeconds + " seconds\"}");
	}

}

package org.readerpass.authserver.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * "Request and response parameters MUST NOT be included more than once" (RFC 6749 §3.1, §3.2): a
 * request to the token, introspection, revocation or device authorization endpoint that repeats a
 * parameter is {@code invalid_request}, before anything reads it — a repeated {@code code} made the
 * stock code-verifier check fail with a 500. {@code resource} may repeat (RFC 8707 §2).
 */
final class SingleValuedParameters implements AuthenticationConverter {

	private static final String SPEC = "https://datatracker.ietf.org/doc/html/rfc6749#section-3.2";

	@Override
	public Authentication convert(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (parameter.getValue().length > 1 && !"resource".equals(parameter.getKey())) {
				throw InvalidRequest.exception("parameter " + printable(parameter.getKey()) + " given more than once",
						SPEC);
			}
		}
		return null;
	}

	/** A parameter name as the error description may repeat it: short, printable ASCII. */
	private static String printable(String name) {
		String shown = name.chars()
			.map(c -> (c < 0x21 || c > 0x7e || c == '"' || c == '\\') ? '_' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (shown.length() > 40) ? shown.substring(0, 40) + "…" : shown;
	}

}

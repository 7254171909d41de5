package org.readerpass.authserver.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A request to the token, introspection or revocation endpoint that carries no client
 * credentials: RFC 6749 §5.2 {@code 401 invalid_client} as JSON, never a login redirect.
 */
final class InvalidClientEntryPoint implements AuthenticationEntryPoint {

	private static final byte[] BODY = ("{\"error\":\"invalid_client\","
			+ "\"error_description\":\"Client authentication is required\"}").getBytes(StandardCharsets.UTF_8);

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"readerpass\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(BODY);
	}

}

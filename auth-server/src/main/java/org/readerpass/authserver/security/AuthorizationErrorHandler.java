package org.readerpass.authserver.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Errors of the authorization endpoint. When the client and its redirect URI are known the error
 * goes back to the client (RFC 6749 §4.1.2.1, with {@code state}); otherwise — unknown client,
 * unregistered or missing redirect URI — the reader sees an error page and is never redirected.
 */
public final class AuthorizationErrorHandler implements AuthenticationFailureHandler {

	/** Request attribute the error page reads the OAuth error code from. */
	public static final String ERROR_ATTRIBUTE = "readerpass.oauth2.error";

	/**
	 * Request attribute the error page reads what was wrong from, when it can say:
	 * {@code unknown-client}, {@code unregistered-redirect-uri} or {@code state-too-long}.
	 */
	public static final String PROBLEM_ATTRIBUTE = "readerpass.oauth2.problem";

	private static final Logger log = LoggerFactory.getLogger(AuthorizationErrorHandler.class);

	/** How much of a request's value goes into the log: enough to recognise, not a log-filling attack. */
	private static final int LOGGED_LENGTH = 200;

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2Error error = (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException failure)
				? failure.getError() : new OAuth2Error("invalid_request");
		OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest = (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException failure)
				? failure.getAuthorizationCodeRequestAuthentication() : null;
		if (authorizationRequest == null || authorizationRequest.getRedirectUri() == null
				|| authorizationRequest.getRedirectUri().isBlank()) {
			String problem = problem(error);
			log.warn("Authorization request refused: error={} problem={} client={} redirectUri={}",
					error.getErrorCode(), (problem != null) ? problem : "other",
					logged(request.getParameter(OAuth2ParameterNames.CLIENT_ID)),
					logged(request.getParameter(OAuth2ParameterNames.REDIRECT_URI)));
			request.setAttribute(ERROR_ATTRIBUTE, error.getErrorCode());
			if (problem != null) {
				request.setAttribute(PROBLEM_ATTRIBUTE, problem);
			}
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(authorizationRequest.getRedirectUri())
			.queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
		if (error.getDescription() != null) {
			redirect.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, error.getDescription());
		}
		if (authorizationRequest.getState() != null && !authorizationRequest.getState().isBlank()) {
			redirect.queryParam(OAuth2ParameterNames.STATE, authorizationRequest.getState());
		}
		response.sendRedirect(redirect.encode().build().toUriString());
	}

	/** Which parameter the endpoint refused, as the error page words it; {@code null} for any other. */
	private static String problem(OAuth2Error error) {
		String description = (error.getDescription() != null) ? error.getDescription() : "";
		if (description.endsWith(OAuth2ParameterNames.CLIENT_ID)) {
			return "unknown-client";
		}
		if (description.endsWith(OAuth2ParameterNames.REDIRECT_URI)) {
			return "unregistered-redirect-uri";
		}
		if (description.endsWith(OAuth2ParameterNames.STATE)) {
			return "state-too-long";
		}
		return null;
	}

	/** A request's value for the log: printable characters only, cut to a length. */
	private static String logged(String value) {
		if (value == null) {
			return "-";
		}
		String printable = value.codePoints()
			.map((c) -> (Character.isISOControl(c) || Character.isWhitespace(c)) ? '_' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (printable.length() > LOGGED_LENGTH) ? printable.substring(0, LOGGED_LENGTH) + "…" : printable;
	}

}

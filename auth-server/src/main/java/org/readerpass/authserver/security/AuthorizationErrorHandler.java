package org.readerpass.authserver.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2Error error = (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException failure)
				? failure.getError() : new OAuth2Error("invalid_request");
		OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest = (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException failure)
				? failure.getAuthorizationCodeRequestAuthentication() : null;
		if (authorizationRequest == null || authorizationRequest.getRedirectUri() == null
				|| authorizationRequest.getRedirectUri().isBlank()) {
			request.setAttribute(ERROR_ATTRIBUTE, error.getErrorCode());
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

}

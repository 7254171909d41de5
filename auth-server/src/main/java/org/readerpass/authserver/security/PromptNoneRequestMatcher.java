package org.readerpass.authserver.security;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

/** An authorization request whose {@code prompt} includes {@code none}. */
final class PromptNoneRequestMatcher implements RequestMatcher {

	private final RequestMatcher authorizationEndpoint;

	PromptNoneRequestMatcher(RequestMatcher authorizationEndpoint) {
		this.authorizationEndpoint = authorizationEndpoint;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		String prompt = request.getParameter("prompt");
		return prompt != null && this.authorizationEndpoint.matches(request)
				&& Arrays.asList(prompt.strip().split(" +")).contains("none");
	}

}

package org.readerpass.authserver.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Meters of the protocol endpoints, counted where the answer is sent:
 * {@value #TOKENS} (token responses, by grant type and client id) and {@value #ERRORS} (OAuth2
 * error responses of the token and authorization endpoints and failed client authentication, by
 * endpoint and error code). Tag values come from registered clients, the client's registered grant
 * types and this server's error codes — never a token, code or anything else a request typed. A
 * counter is made at its pair's first use and then looked up (two map reads per token).
 */
final class ProtocolMetrics {

	static final String TOKENS = "readerpass.tokens.issued";

	static final String ERRORS = "readerpass.oauth2.errors";

	/** The endpoints' names as the {@code endpoint} tag gives them. */
	static Map<String, String> endpoints(AuthorizationServerSettings settings) {
		return Map.of(settings.getTokenEndpoint(), "token", settings.getAuthorizationEndpoint(), "authorize",
				settings.getTokenIntrospectionEndpoint(), "introspect", settings.getTokenRevocationEndpoint(), "revoke",
				settings.getDeviceAuthorizationEndpoint(), "device_authorization");
	}

	private static final String DEVICE_CODE_PREFIX = "urn:ietf:params:oauth:grant-type:";

	/** What an error code this server sends looks like; anything else is counted as {@code other}. */
	private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");

	private final MeterRegistry registry;

	/** Client id, then grant type. */
	private final Map<String, Map<String, Counter>> issued = new ConcurrentHashMap<>();

	/** Endpoint, then error code. */
	private final Map<String, Map<String, Counter>> errors = new ConcurrentHashMap<>();

	ProtocolMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Counts each token response, then sends it as {@code delegate} does. */
	AuthenticationSuccessHandler countingIssued(AuthenticationSuccessHandler delegate) {
		return (request, response, authentication) -> {
			if (authentication instanceof OAuth2AccessTokenAuthenticationToken token) {
				RegisteredClient client = token.getRegisteredClient();
				String grant = grantType(client, request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
				this.issued.computeIfAbsent(client.getClientId(), (key) -> new ConcurrentHashMap<>())
					.computeIfAbsent(grant, (key) -> Counter.builder(TOKENS)
						.description("Token responses (an access token each), by grant type and client")
						.tag("grant_type", grant)
						.tag("client_id", client.getClientId())
						.register(this.registry))
					.increment();
			}
			delegate.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/** Counts each error response of {@code endpoint}, then sends it as {@code delegate} does. */
	AuthenticationFailureHandler countingErrors(String endpoint, AuthenticationFailureHandler delegate) {
		return (request, response, exception) -> {
			countError(endpoint, exception);
			delegate.onAuthenticationFailure(request, response, exception);
		};
	}

	/** Counts a request that named no client credentials at all: {@code invalid_client}. */
	AuthenticationEntryPoint countingMissingClient(Map<String, String> endpointsByPath,
			AuthenticationEntryPoint delegate) {
		return (request, response, exception) -> {
			error(endpoint(endpointsByPath, request), OAuth2ErrorCodes.INVALID_CLIENT).increment();
			delegate.commence(request, response, exception);
		};
	}

	/**
	 * Failed client authentication at the token, introspection, revocation and device authorization
	 * endpoints, counted and answered as the authorization server's filter answers by default: 401
	 * for {@code invalid_client}, else 400, with the error code alone.
	 */
	AuthenticationFailureHandler clientAuthenticationFailures(Map<String, String> endpointsByPath) {
		OAuth2ErrorHttpMessageConverter converter = new OAuth2ErrorHttpMessageConverter();
		return (request, response, exception) -> {
			countError(endpoint(endpointsByPath, request), exception);
			SecurityContextHolder.clearContext();
			OAuth2Error error = (exception instanceof OAuth2AuthenticationException failure) ? failure.getError()
					: new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
			ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
			answer.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode()) ? HttpStatus.UNAUTHORIZED
					: HttpStatus.BAD_REQUEST);
			converter.write(new OAuth2Error(error.getErrorCode()), null, answer);
		};
	}

	private void countError(String endpoint, AuthenticationException exception) {
		String code = (exception instanceof OAuth2AuthenticationException failure)
				? failure.getError().getErrorCode() : OAuth2ErrorCodes.SERVER_ERROR;
		error(endpoint, (code != null && ERROR_CODE.matcher(code).matches()) ? code : "other").increment();
	}

	private Counter error(String endpoint, String code) {
		return this.errors.computeIfAbsent(endpoint, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(code, (key) -> Counter.builder(ERRORS)
				.description("OAuth2 error responses, by endpoint and error code")
				.tag("endpoint", endpoint)
				.tag("error", code)
				.register(this.registry));
	}

	private static String endpoint(Map<String, String> endpointsByPath, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return endpointsByPath.getOrDefault(path, "other");
	}

	/**
	 * The request's grant type when the client registered it (a token was issued for it, so it
	 * did), without the URN prefix of RFC 8628's {@code device_code}; {@code other} otherwise.
	 */
	static String grantType(RegisteredClient client, String requested) {
		if (requested == null || !client.getAuthorizationGrantTypes().contains(new AuthorizationGrantType(requested))) {
			return "other";
		}
		return requested.startsWith(DEVICE_CODE_PREFIX) ? requested.substring(DEVICE_CODE_PREFIX.length()) : requested;
	}

}

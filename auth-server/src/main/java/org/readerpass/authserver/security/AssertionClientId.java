package org.readerpass.authserver.security;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import org.readerpass.authserver.web.RequestWithParameters;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client assertion without {@code client_id} in the body names its client in {@code sub} (RFC 7523
 * §3: "the subject MUST be the client_id"; §2.2: {@code client_id} is optional beside it), as stock
 * clients such as nimbus's {@code PrivateKeyJWT} send it. The stock converter requires
 * {@code client_id}; this one hands it the request with {@code client_id} taken from the unverified
 * {@code sub} — the provider then verifies the signature with that client's keys and requires
 * {@code iss} and {@code sub} to be it. An assertion that is no JWT, or names no subject, is
 * {@code invalid_client}.
 */
final class AssertionClientId implements AuthenticationConverter {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private final AuthenticationConverter delegate;

	AssertionClientId(AuthenticationConverter delegate) {
		this.delegate = delegate;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		String assertion = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION);
		if (assertion == null || request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null
				|| !JWT_BEARER.equals(request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE))) {
			return this.delegate.convert(request);
		}
		return this.delegate.convert(new WithClientId(request, subject(assertion)));
	}

	private static String subject(String assertion) {
		String subject;
		try {
			subject = JWTParser.parse(assertion).getJWTClaimsSet().getSubject();
		}
		catch (ParseException ex) {
			subject = null;
		}
		if (subject == null || subject.isBlank()) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
					"client_assertion must be a JWT whose sub is the client_id",
					"https://datatracker.ietf.org/doc/html/rfc7523#section-3"));
		}
		return subject;
	}

	/** The request with one more body parameter, {@code client_id}. */
	private static final class WithClientId extends RequestWithParameters {

		WithClientId(HttpServletRequest request, String clientId) {
			super(request, withClientId(request.getParameterMap(), clientId));
		}

		private static Map<String, String[]> withClientId(Map<String, String[]> parameters, String clientId) {
			Map<String, String[]> more = new LinkedHashMap<>(parameters);
			more.put(OAuth2ParameterNames.CLIENT_ID, new String[] { clientId });
			return more;
		}

	}

}

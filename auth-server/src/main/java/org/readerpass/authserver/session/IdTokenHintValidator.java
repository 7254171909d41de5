package org.readerpass.authserver.session;

import java.util.function.Consumer;

import com.nimbusds.jwt.JWTClaimsSet;
import org.readerpass.authserver.subject.PairwiseSubjects;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * {@code id_token_hint} at the authorization endpoint (OIDC Core §3.1.2.1): it must be an ID token
 * of this server issued to the asking client ({@link IdTokenHints}), else {@code invalid_request};
 * when a reader is signed in who is not the one it names, the answer is {@code login_required},
 * never a code for the signed-in reader. Runs after the redirect URI was checked, so errors go to
 * the client's registered redirect URI with its {@code state}.
 */
public final class IdTokenHintValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	public static final String PARAMETER = "id_token_hint";

	private static final String SPEC = "https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest";

	private final IdTokenHints hints;

	private final PairwiseSubjects subjects;

	/** @param subjects the {@code sub} each client sees for a reader (the hint holds that one) */
	public IdTokenHintValidator(IdTokenHints hints, PairwiseSubjects subjects) {
		this.hints = hints;
		this.subjects = subjects;
	}

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		Object hint = request.getAdditionalParameters().get(PARAMETER);
		if (hint == null) {
			return;
		}
		JWTClaimsSet claims = (hint instanceof String value) ? this.hints.verify(value).orElse(null) : null;
		if (claims == null || !claims.getAudience().contains(context.getRegisteredClient().getClientId())) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST, "id_token_hint is not an ID token this server issued to the client",
					request);
		}
		if (request.getPrincipal() instanceof Authentication principal && principal.isAuthenticated()
				&& !(principal instanceof AnonymousAuthenticationToken) && !this.subjects
					.subjectFor(context.getRegisteredClient(), principal.getName())
					.equals(claims.getSubject())) {
			throw error("login_required", "the signed-in reader is not the one id_token_hint names", request);
		}
	}

	private static OAuth2AuthorizationCodeRequestAuthenticationException error(String code, String description,
			OAuth2AuthorizationCodeRequestAuthenticationToken request) {
		return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, SPEC),
				request);
	}

}

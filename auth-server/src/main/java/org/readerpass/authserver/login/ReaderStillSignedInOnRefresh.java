package org.readerpass.authserver.login;

import java.security.Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;

/**
 * A refresh re-checks the reader (issue 10, point 2): a refresh token of a reader who may no longer
 * sign in — suspended, expired or purged in the directory since — gets {@code invalid_grant}, with
 * the same rules as sign-in ({@link ReaderLogin#mayStaySignedIn}). Other refreshes go on to the
 * stock provider.
 */
public final class ReaderStillSignedInOnRefresh implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ReaderStillSignedInOnRefresh.class);

	private final AuthenticationProvider delegate;

	private final OAuth2AuthorizationService authorizations;

	private final ReaderLogin readerLogin;

	public ReaderStillSignedInOnRefresh(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations,
			ReaderLogin readerLogin) {
		this.delegate = delegate;
		this.authorizations = authorizations;
		this.readerLogin = readerLogin;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		if (authentication instanceof OAuth2RefreshTokenAuthenticationToken refresh) {
			OAuth2Authorization authorization = this.authorizations.findByToken(refresh.getRefreshToken(),
					OAuth2TokenType.REFRESH_TOKEN);
			Object principal = (authorization != null) ? authorization.getAttribute(Principal.class.getName()) : null;
			if (principal instanceof ReaderAuthenticationToken reader
					&& !this.readerLogin.mayStaySignedIn(reader.getPrincipal())) {
				log.info("Refresh refused: the account may no longer sign in library={}",
						reader.getPrincipal().libraryCode());
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
			}
		}
		return this.delegate.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}

package org.readerpass.authserver.token;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.readerpass.authserver.login.ReaderAuthenticationToken;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/** Userinfo: {@code sub} and the reader claims the access token's scopes release. */
public final class UserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

	private final ReaderClaims readerClaims;

	public UserInfoMapper(ReaderClaims readerClaims) {
		this.readerClaims = readerClaims;
	}

	@Override
	public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		Authentication principal = authorization.getAttribute(Principal.class.getName());
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", authorization.getPrincipalName());
		if (principal instanceof ReaderAuthenticationToken reader) {
			claims.putAll(this.readerClaims.forScopes(reader.getPrincipal(), context.getAccessToken().getScopes()));
		}
		return new OidcUserInfo(claims);
	}

}

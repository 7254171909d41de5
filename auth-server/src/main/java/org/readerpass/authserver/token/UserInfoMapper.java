package org.readerpass.authserver.token;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.readerpass.authserver.login.ReaderAuthenticationToken;
import org.readerpass.ldapsync.account.ReaderAccounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/**
 * Userinfo: {@code sub} — exactly the ID token's, public or pairwise (OIDC Core §5.3.2: it MUST
 * match) — and the reader claims the access token's scopes release. The reader is found from the
 * authorization, never from {@code sub}.
 */
public final class UserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

	private final ReaderAccounts accounts;

	public UserInfoMapper(ReaderAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		Authentication principal = authorization.getAttribute(Principal.class.getName());
		Map<String, Object> claims = new LinkedHashMap<>();
		// the stock provider answers invalid_token before this when the authorization has no ID token
		claims.put("sub", authorization.getToken(OidcIdToken.class).getToken().getSubject());
		Set<String> scopes = context.getAccessToken().getScopes();
		if (principal instanceof ReaderAuthenticationToken reader && ReaderClaims.releaseReaderData(scopes)) {
			this.accounts.findSignedIn(reader.getPrincipal().accountId())
				.ifPresent(found -> claims.putAll(ReaderClaims.forScopes(found, scopes)));
		}
		return new OidcUserInfo(claims);
	}

}

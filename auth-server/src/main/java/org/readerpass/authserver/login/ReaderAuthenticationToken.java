package org.readerpass.authserver.login;

import java.util.List;

import org.readerpass.authserver.authorization.SessionBound;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A reader signed in by card number and password (checked by the home library's directory).
 * Carries the password factor with its time, which the authorization server reads as
 * {@code auth_time}.
 */
public final class ReaderAuthenticationToken extends AbstractAuthenticationToken implements SessionBound {

	private final ReaderPrincipal principal;

	public ReaderAuthenticationToken(ReaderPrincipal principal) {
		super(List.of(new SimpleGrantedAuthority("ROLE_READER"),
				FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
					.issuedAt(principal.authTime())
					.build()));
		this.principal = principal;
		setAuthenticated(true);
	}

	@Override
	public ReaderPrincipal getPrincipal() {
		return this.principal;
	}

	@Override
	public Object getCredentials() {
		return null; // the password is never kept
	}

	@Override
	public String sessionId() {
		return this.principal.sessionId();
	}

	@Override
	public String getName() {
		return this.principal.subject();
	}

}

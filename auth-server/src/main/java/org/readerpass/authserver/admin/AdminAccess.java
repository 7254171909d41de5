package org.readerpass.authserver.admin;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.readerpass.ldapsync.account.ReaderAccounts;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Decides admin API access from a ReaderPass access token: it must carry the
 * {@value #SCOPE} scope, and belong to an admin reader (one of whose accounts is named in
 * {@code readerpass.admin.access.readers}) or be a client-credentials token of an admin client. A
 * reader's token with the scope but no admin rights is refused (403).
 */
public final class AdminAccess implements AuthorizationManager<RequestAuthorizationContext> {

	public static final String SCOPE = "readerpass.admin";

	private final AdminProperties properties;

	private final ReaderAccounts accounts;

	public AdminAccess(AdminProperties properties, ReaderAccounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
				&& isAdmin(token.getToken()));
	}

	boolean isAdmin(Jwt token) {
		String subject = token.getSubject();
		String clientId = token.getClaimAsString("client_id");
		// A token issued for another resource server (RFC 8707 audience) is never accepted here,
		// so a resource server cannot replay an admin's token against the admin API.
		if (!scopes(token).contains(SCOPE) || clientId == null || !List.of(clientId).equals(token.getAudience())) {
			return false;
		}
		if (subject != null && subject.equals(clientId)) {
			return this.properties.clients().contains(clientId);
		}
		UUID readerId;
		try {
			readerId = UUID.fromString(subject);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return false;
		}
		return this.accounts.findByReaderId(readerId)
			.stream()
			.anyMatch(account -> this.properties.readers().contains(account.libraryCode() + ":" + account.cardNumber()));
	}

	private static Set<String> scopes(Jwt token) {
		Object scope = token.getClaims().get("scope");
		if (scope instanceof String text) {
			return Set.of(text.split(" "));
		}
		if (scope instanceof List<?> list) {
			return Set.copyOf(list.stream().map(String::valueOf).toList());
		}
		return Set.of();
	}

}

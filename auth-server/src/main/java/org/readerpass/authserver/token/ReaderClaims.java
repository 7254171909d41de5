package org.readerpass.authserver.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.readerpass.authserver.login.ReaderPrincipal;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccounts;

/**
 * The reader claims of ID tokens and userinfo, read fresh from the account store at issuance and
 * released by scope only (PIPL: the minimum necessary):
 * <ul>
 * <li>{@code profile}: {@code name}, {@code preferred_username} (the card number);</li>
 * <li>{@code library}: {@code home_library}, {@code libraries}, {@code reader_type}.</li>
 * </ul>
 */
public final class ReaderClaims {

	public static final String LIBRARY_SCOPE = "library";

	/** Every scope the server knows, for discovery. */
	public static final List<String> SCOPES = List.of("openid", "profile", LIBRARY_SCOPE);

	/** Every claim the server can release, for discovery. */
	public static final List<String> CLAIMS = List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp",
			"sid", "acr", "name", "preferred_username", "home_library", "libraries", "reader_type");

	private final ReaderAccounts accounts;

	public ReaderClaims(ReaderAccounts accounts) {
		this.accounts = accounts;
	}

	/** The {@code acr} of the account the reader signed in with (its verification level). */
	public Optional<String> acr(ReaderPrincipal principal) {
		return this.accounts.findById(principal.accountId())
			.map(account -> account.verificationLevel().acr());
	}

	/** The claims the given scopes release for a signed-in reader (without {@code sub}): userinfo. */
	public Map<String, Object> forScopes(ReaderPrincipal principal, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		if (scopes.contains("profile") || scopes.contains(LIBRARY_SCOPE)) {
			this.accounts.findById(principal.accountId())
				.ifPresent(account -> putScoped(claims, account, principal, scopes));
		}
		return claims;
	}

	/** An ID token's reader claims: {@code acr} and what the scopes release, reading the account once. */
	public Map<String, Object> forIdToken(ReaderPrincipal principal, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		this.accounts.findById(principal.accountId()).ifPresent(account -> {
			claims.put("acr", account.verificationLevel().acr());
			putScoped(claims, account, principal, scopes);
		});
		return claims; // an account purged since login releases nothing
	}

	private void putScoped(Map<String, Object> claims, ReaderAccount account, ReaderPrincipal principal,
			Set<String> scopes) {
		if (scopes.contains("profile")) {
			putIfPresent(claims, "name", account.displayName());
			claims.put("preferred_username", account.cardNumber());
		}
		if (scopes.contains(LIBRARY_SCOPE)) {
			claims.put("home_library", account.libraryCode());
			claims.put("libraries", this.accounts.findByReaderId(principal.readerId())
				.stream()
				.map(ReaderAccount::libraryCode)
				.distinct()
				.toList());
			putIfPresent(claims, "reader_type", account.readerType());
		}
	}

	private static void putIfPresent(Map<String, Object> claims, String name, Object value) {
		if (value != null) {
			claims.put(name, value);
		}
	}

}

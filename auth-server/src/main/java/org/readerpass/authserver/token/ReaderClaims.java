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

	/** The claims the given scopes release for a signed-in reader (without {@code sub}). */
	public Map<String, Object> forScopes(ReaderPrincipal principal, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		boolean profile = scopes.contains("profile");
		boolean library = scopes.contains(LIBRARY_SCOPE);
		if (!profile && !library) {
			return claims;
		}
		ReaderAccount account = this.accounts.findById(principal.accountId()).orElse(null);
		if (account == null) {
			return claims; // the account was purged since login: release nothing about it
		}
		if (profile) {
			putIfPresent(claims, "name", account.displayName());
			claims.put("preferred_username", account.cardNumber());
		}
		if (library) {
			claims.put("home_library", account.libraryCode());
			claims.put("libraries", this.accounts.findByReaderId(principal.readerId())
				.stream()
				.map(ReaderAccount::libraryCode)
				.distinct()
				.toList());
			putIfPresent(claims, "reader_type", account.readerType());
		}
		return claims;
	}

	private static void putIfPresent(Map<String, Object> claims, String name, Object value) {
		if (value != null) {
			claims.put(name, value);
		}
	}

}

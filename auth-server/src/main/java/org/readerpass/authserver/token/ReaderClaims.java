package org.readerpass.authserver.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.SignedInReader;

/**
 * The reader claims of ID tokens and userinfo, taken from the {@link SignedInReader} read at
 * issuance and released by scope only (PIPL: the minimum necessary):
 * <ul>
 * <li>{@code profile}: {@code name}, {@code preferred_username} (the card number);</li>
 * <li>{@code library}: {@code home_library}, {@code libraries}, {@code reader_type};</li>
 * <li>{@code email}: {@code email}; {@code phone}: {@code phone_number} — as the directory holds
 * them, left out when it holds none.</li>
 * </ul>
 */
public final class ReaderClaims {

	public static final String LIBRARY_SCOPE = "library";

	/** OIDC Core §5.4: releases {@code email}. */
	public static final String EMAIL_SCOPE = "email";

	/** OIDC Core §5.4: releases {@code phone_number}. */
	public static final String PHONE_SCOPE = "phone";

	/** Every scope the server knows, for discovery. */
	public static final List<String> SCOPES = List.of("openid", "profile", LIBRARY_SCOPE, EMAIL_SCOPE, PHONE_SCOPE);

	/** Every claim the server can release, for discovery. */
	public static final List<String> CLAIMS = List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp",
			"sid", "acr", "name", "preferred_username", "home_library", "libraries", "reader_type", "email",
			"phone_number");

	private ReaderClaims() {
	}

	/** Whether the scopes release any reader data beyond {@code sub} (else the reader need not be read). */
	public static boolean releaseReaderData(Set<String> scopes) {
		return scopes.contains("profile") || scopes.contains(LIBRARY_SCOPE) || scopes.contains(EMAIL_SCOPE)
				|| scopes.contains(PHONE_SCOPE);
	}

	/** The claims the given scopes release for a signed-in reader (without {@code sub}): userinfo. */
	public static Map<String, Object> forScopes(SignedInReader reader, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		putScoped(claims, reader, scopes);
		return claims;
	}

	/** An ID token's reader claims: {@code acr} and what the scopes release. */
	public static Map<String, Object> forIdToken(SignedInReader reader, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("acr", reader.acr());
		putScoped(claims, reader, scopes);
		return claims;
	}

	private static void putScoped(Map<String, Object> claims, SignedInReader reader, Set<String> scopes) {
		ReaderAccount account = reader.account();
		if (scopes.contains("profile")) {
			putIfPresent(claims, "name", account.displayName());
			claims.put("preferred_username", account.cardNumber());
		}
		if (scopes.contains(LIBRARY_SCOPE)) {
			claims.put("home_library", account.libraryCode());
			claims.put("libraries", reader.libraries());
			putIfPresent(claims, "reader_type", account.readerType());
		}
		// as the library's directory holds them, when it holds them; never claimed as verified
		if (scopes.contains(EMAIL_SCOPE)) {
			putIfPresent(claims, "email", account.email());
		}
		if (scopes.contains(PHONE_SCOPE)) {
			putIfPresent(claims, "phone_number", account.phone());
		}
	}

	private static void putIfPresent(Map<String, Object> claims, String name, Object value) {
		if (value != null) {
			claims.put(name, value);
		}
	}

}

package org.readerpass.authserver.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Token values as a shared store keeps them: SHA-256, never the value. An authorization is stored
 * with each token value (and the consent {@code state}) replaced by {@code {sha256}<base64url>};
 * a lookup by token puts the presented value back into the token it matched, so the caller sees
 * what it presented ({@code OAuth2Authorization.getToken(value)} finds it). Tokens the lookup did
 * not match keep their hashed value: nothing in the server needs another token's value back.
 */
final class TokenHashes {

	private static final String MARK = "{sha256}";

	/** Every kind of token an authorization holds, with the lookup type naming it. */
	enum Kind {

		STATE(OAuth2ParameterNames.STATE, null, null),
		CODE(OAuth2ParameterNames.CODE, OAuth2AuthorizationCode.class,
				token -> new OAuth2AuthorizationCode(token.value(), token.issuedAt(), token.expiresAt())),
		ACCESS_TOKEN(OAuth2TokenType.ACCESS_TOKEN.getValue(), OAuth2AccessToken.class,
				token -> new OAuth2AccessToken(((OAuth2AccessToken) token.original()).getTokenType(), token.value(),
						token.issuedAt(), token.expiresAt(), ((OAuth2AccessToken) token.original()).getScopes())),
		ID_TOKEN(OidcParameterNames.ID_TOKEN, OidcIdToken.class,
				token -> new OidcIdToken(token.value(), token.issuedAt(), token.expiresAt(),
						((OidcIdToken) token.original()).getClaims())),
		REFRESH_TOKEN(OAuth2TokenType.REFRESH_TOKEN.getValue(), OAuth2RefreshToken.class,
				token -> new OAuth2RefreshToken(token.value(), token.issuedAt(), token.expiresAt())),
		DEVICE_CODE(OAuth2ParameterNames.DEVICE_CODE, OAuth2DeviceCode.class,
				token -> new OAuth2DeviceCode(token.value(), token.issuedAt(), token.expiresAt())),
		USER_CODE(OAuth2ParameterNames.USER_CODE, OAuth2UserCode.class,
				token -> new OAuth2UserCode(token.value(), token.issuedAt(), token.expiresAt()));

		final String type;

		final Class<? extends OAuth2Token> tokenClass;

		private final Function<Copy, OAuth2Token> copier;

		Kind(String type, Class<? extends OAuth2Token> tokenClass, Function<Copy, OAuth2Token> copier) {
			this.type = type;
			this.tokenClass = tokenClass;
			this.copier = copier;
		}

		static Kind of(String type) {
			for (Kind kind : values()) {
				if (kind.type.equals(type)) {
					return kind;
				}
			}
			return null;
		}

	}

	private record Copy(OAuth2Token original, String value) {

		Instant issuedAt() {
			return this.original.getIssuedAt();
		}

		Instant expiresAt() {
			return this.original.getExpiresAt();
		}

	}

	/** A token (or the state) an authorization holds: its kind, hash, and when it expires (may be null). */
	record Held(Kind kind, String hash, Instant expiresAt) {
	}

	private TokenHashes() {
	}

	/** SHA-256 of a presented value, base64url without padding: always a digest, whatever it looks like. */
	static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The hash of a value the server holds: a value already hashed by {@link #hashed} is its own hash.
	 * Never for a presented value (knowing a hash must not stand for knowing the token).
	 */
	private static String heldHash(String value) {
		return value.startsWith(MARK) ? value.substring(MARK.length()) : hash(value);
	}

	/** The authorization with every token value and the state replaced by its hash (idempotent). */
	static OAuth2Authorization hashed(OAuth2Authorization authorization) {
		OAuth2Authorization.Builder builder = OAuth2Authorization.from(authorization);
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			builder.attribute(OAuth2ParameterNames.STATE, MARK + heldHash(state));
		}
		for (Kind kind : Kind.values()) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = (kind.tokenClass != null)
					? authorization.getToken(kind.tokenClass) : null;
			if (token != null) {
				replace(builder, kind, token, MARK + heldHash(token.getToken().getTokenValue()));
			}
		}
		return builder.build();
	}

	/**
	 * The stored authorization with the presented value back in the token of this kind, or
	 * {@code null} when that token's hash is not the presented value's (a stale index).
	 */
	static OAuth2Authorization presented(OAuth2Authorization stored, Kind kind, String value) {
		String expected = MARK + hash(value);
		if (kind == Kind.STATE) {
			return expected.equals(stored.getAttribute(OAuth2ParameterNames.STATE))
					? OAuth2Authorization.from(stored).attribute(OAuth2ParameterNames.STATE, value).build() : null;
		}
		OAuth2Authorization.Token<? extends OAuth2Token> token = stored.getToken(kind.tokenClass);
		if (token == null || !expected.equals(token.getToken().getTokenValue())) {
			return null;
		}
		OAuth2Authorization.Builder builder = OAuth2Authorization.from(stored);
		replace(builder, kind, token, value);
		return builder.build();
	}

	/** The tokens (and state) the authorization holds, by hash. */
	static List<Held> held(OAuth2Authorization authorization) {
		List<Held> held = new ArrayList<>(4);
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			held.add(new Held(Kind.STATE, heldHash(state), null));
		}
		for (Kind kind : Kind.values()) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = (kind.tokenClass != null)
					? authorization.getToken(kind.tokenClass) : null;
			if (token != null) {
				held.add(new Held(kind, heldHash(token.getToken().getTokenValue()), token.getToken().getExpiresAt()));
			}
		}
		return held;
	}

	private static void replace(OAuth2Authorization.Builder builder, Kind kind,
			OAuth2Authorization.Token<? extends OAuth2Token> token, String value) {
		builder.token(kind.copier.apply(new Copy(token.getToken(), value)), metadata -> {
			metadata.clear();
			metadata.putAll(token.getMetadata());
		});
	}

}

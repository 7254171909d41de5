package org.readerpass.authserver.authorization;

import java.io.ObjectInputFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.readerpass.authserver.authorization.CompactBytes.In;
import org.readerpass.authserver.authorization.CompactBytes.Out;
import org.readerpass.authserver.authorization.CompactBytes.Unencodable;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/**
 * An authorization in a compact binary form ({@link CompactBytes}): its fields, then each of its
 * tokens behind a tag for its kind (the six the authorization server issues) with its metadata,
 * then its attributes; metadata, claims and attributes as {@link CompactValues}. Instead of Java
 * serialization's class descriptors and reflection. An authorization with a token of another kind,
 * or a string UTF-8 cannot carry exactly, throws {@link Unencodable} (the codec then writes it with
 * Java serialization); every other authorization round-trips.
 *
 * <p>
 * Reading never instantiates a class outside the tags and the codec's allow-list, and bad bytes
 * fail with {@link IllegalArgumentException}.
 */
final class CompactAuthorizations {

	private static final int CODE = 1;

	private static final int ACCESS_TOKEN = 2;

	private static final int REFRESH_TOKEN = 3;

	private static final int ID_TOKEN = 4;

	private static final int DEVICE_CODE = 5;

	private static final int USER_CODE = 6;

	/** The kinds of token the authorization server issues, each with its tag above. */
	private static final List<Class<? extends OAuth2Token>> KINDS = List.of(OAuth2AuthorizationCode.class,
			OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class, OAuth2DeviceCode.class,
			OAuth2UserCode.class);

	private final CompactValues values;

	/**
	 * @param filter what a value written with Java serialization may instantiate when read
	 * @param forms the compact forms of other packages' types
	 */
	CompactAuthorizations(ObjectInputFilter filter, List<CompactForm<?>> forms) {
		this.values = new CompactValues(filter, forms);
	}

	/** Appends {@code authorization} to {@code out}. */
	void write(OAuth2Authorization authorization, Out out) {
		out.string(authorization.getId());
		out.string(authorization.getRegisteredClientId());
		out.string(authorization.getPrincipalName());
		out.string(authorization.getAuthorizationGrantType().getValue());
		out.strings(authorization.getAuthorizedScopes());
		List<OAuth2Authorization.Token<?>> tokens = tokens(authorization);
		out.varint(tokens.size());
		for (OAuth2Authorization.Token<?> token : tokens) {
			writeToken(token.getToken(), out);
			this.values.writeEntries(token.getMetadata(), out, 0);
		}
		this.values.writeEntries(authorization.getAttributes(), out, 0);
	}

	/** The authorization {@link #write} wrote from {@code in}'s position; {@link IllegalArgumentException} when unreadable. */
	OAuth2Authorization read(In in) {
		String id = in.string();
		Builder builder = new Builder(in.string());
		builder.id(id);
		builder.principalName(in.string());
		builder.authorizationGrantType(new AuthorizationGrantType(in.string()));
		builder.authorizedScopes(in.strings());
		int tokens = in.count(2);
		for (int i = 0; i < tokens; i++) {
			OAuth2Token token = readToken(in);
			Map<String, Object> metadata = this.values.readEntries(in, new LinkedHashMap<>(), 0);
			builder.token(token, (defaults) -> {
				defaults.clear();
				defaults.putAll(metadata);
			});
		}
		Map<String, Object> attributes = this.values.readEntries(in, new LinkedHashMap<>(), 0);
		builder.attributes((all) -> all.putAll(attributes));
		if (!in.atEnd()) {
			throw new IllegalArgumentException("bytes after the authorization");
		}
		return builder.build();
	}

	/** The authorization's tokens, by the kinds the authorization server keeps. */
	private static List<OAuth2Authorization.Token<?>> tokens(OAuth2Authorization authorization) {
		// OAuth2Authorization does not list its tokens: ask for each kind the authorization server
		// issues, then make sure there is no other (its map of tokens is private)
		List<OAuth2Authorization.Token<?>> tokens = new ArrayList<>(4);
		for (Class<? extends OAuth2Token> kind : KINDS) {
			OAuth2Authorization.Token<?> token = authorization.getToken(kind);
			if (token != null) {
				tokens.add(token);
			}
		}
		if (!onlyKnownTokens(authorization)) {
			throw new Unencodable();
		}
		return tokens;
	}

	private void writeToken(OAuth2Token token, Out out) {
		Class<?> type = token.getClass();
		if (type == OAuth2AuthorizationCode.class) {
			out.tag(CODE);
		}
		else if (type == OAuth2AccessToken.class) {
			OAuth2AccessToken access = (OAuth2AccessToken) token;
			out.tag(ACCESS_TOKEN);
			out.string(access.getTokenType().getValue());
			out.strings(access.getScopes());
		}
		else if (type == OAuth2RefreshToken.class) {
			out.tag(REFRESH_TOKEN);
		}
		else if (type == OidcIdToken.class) {
			out.tag(ID_TOKEN);
			this.values.writeEntries(((OidcIdToken) token).getClaims(), out, 0);
		}
		else if (type == OAuth2DeviceCode.class) {
			out.tag(DEVICE_CODE);
		}
		else if (type == OAuth2UserCode.class) {
			out.tag(USER_CODE);
		}
		else {
			throw new Unencodable();
		}
		out.string(token.getTokenValue());
		out.instant(token.getIssuedAt());
		out.instant(token.getExpiresAt());
	}

	private OAuth2Token readToken(In in) {
		int tag = in.tag();
		String tokenType = null;
		Set<String> scopes = null;
		Map<String, Object> claims = null;
		switch (tag) {
			case ACCESS_TOKEN -> {
				tokenType = in.string();
				scopes = in.strings();
			}
			case ID_TOKEN -> claims = this.values.readEntries(in, new LinkedHashMap<>(), 0);
			case CODE, REFRESH_TOKEN, DEVICE_CODE, USER_CODE -> {
			}
			default -> throw new IllegalArgumentException("unknown token kind " + tag);
		}
		String value = in.string();
		Instant issuedAt = in.instant();
		Instant expiresAt = in.instant();
		return switch (tag) {
			case CODE -> new OAuth2AuthorizationCode(value, issuedAt, expiresAt);
			case ACCESS_TOKEN -> new OAuth2AccessToken(accessTokenType(tokenType), value, issuedAt, expiresAt, scopes);
			case REFRESH_TOKEN -> new OAuth2RefreshToken(value, issuedAt, expiresAt);
			case ID_TOKEN -> new OidcIdToken(value, issuedAt, expiresAt, claims);
			case DEVICE_CODE -> new OAuth2DeviceCode(value, issuedAt, expiresAt);
			default -> new OAuth2UserCode(value, issuedAt, expiresAt);
		};
	}

	private static OAuth2AccessToken.TokenType accessTokenType(String value) {
		if (OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase(value)) {
			return OAuth2AccessToken.TokenType.BEARER;
		}
		if (OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(value)) {
			return OAuth2AccessToken.TokenType.DPOP;
		}
		throw new IllegalArgumentException("unknown access token type");
	}

	/**
	 * Whether the authorization has no token but those of {@link #KINDS}: its equality with a copy
	 * that keeps only those tokens (tokens are part of {@link OAuth2Authorization#equals}).
	 */
	private static boolean onlyKnownTokens(OAuth2Authorization authorization) {
		Builder copy = new Builder(authorization.getRegisteredClientId());
		copy.id(authorization.getId())
			.principalName(authorization.getPrincipalName())
			.authorizationGrantType(authorization.getAuthorizationGrantType())
			.authorizedScopes(authorization.getAuthorizedScopes())
			.attributes((attributes) -> attributes.putAll(authorization.getAttributes()));
		for (Class<? extends OAuth2Token> kind : KINDS) {
			OAuth2Authorization.Token<?> token = authorization.getToken(kind);
			if (token != null) {
				copy.token(token.getToken(), (metadata) -> {
					metadata.clear();
					metadata.putAll(token.getMetadata());
				});
			}
		}
		return copy.build().equals(authorization);
	}

	/** Builds an authorization from its client's id (the stock builder asks for the whole client). */
	private static final class Builder extends OAuth2Authorization.Builder {

		Builder(String registeredClientId) {
			super(registeredClientId);
		}

	}

}

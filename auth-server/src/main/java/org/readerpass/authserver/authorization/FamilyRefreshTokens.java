package org.readerpass.authserver.authorization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Generates refresh tokens that name their family: {@code <authorization id>.<256 random bits>}.
 * A store recognises a replayed refresh token of a live authorization without remembering the used
 * ones ({@link AuthorizationStore#useRefreshToken}).
 *
 * <p>
 * Lifetimes: each token lives the client's idle lifetime
 * ({@code TokenSettings.refreshTokenTimeToLive}) from its issue, but never past the family's
 * absolute lifetime ({@link #ABSOLUTE_LIFETIME_SETTING}) counted from the sign-in that started it.
 * Unlike the stock generator, public clients (mobile apps, TV boxes) get refresh tokens: rotation
 * with replay detection is what makes that safe (RFC 9700 §4.14.2).
 */
public final class FamilyRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

	/** The client setting holding the family's absolute lifetime (a {@link Duration}). */
	public static final String ABSOLUTE_LIFETIME_SETTING = "readerpass.refresh-token.absolute-lifetime";

	private static final char SEPARATOR = '.';

	private final StringKeyGenerator random = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(),
			32);

	private final Clock clock;

	public FamilyRefreshTokens(Clock clock) {
		this.clock = clock;
	}

	@Override
	public OAuth2RefreshToken generate(OAuth2TokenContext context) {
		if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
			return null;
		}
		RegisteredClient client = context.getRegisteredClient();
		if (!client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
			return null;
		}
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(client.getTokenSettings().getRefreshTokenTimeToLive());
		Duration absolute = client.getTokenSettings().getSetting(ABSOLUTE_LIFETIME_SETTING);
		OAuth2Authorization authorization = context.getAuthorization();
		if (absolute != null) {
			Instant end = familyStart(authorization, now).plus(absolute);
			if (end.isBefore(expiresAt)) {
				expiresAt = end;
			}
		}
		String value = (authorization != null) ? authorization.getId() + SEPARATOR + this.random.generateKey()
				: this.random.generateKey();
		return new OAuth2RefreshToken(value, now, expiresAt);
	}

	/** The authorization a refresh token of this form belongs to, or {@code null}. */
	public static String authorizationIdOf(String refreshToken) {
		int separator = (refreshToken != null) ? refreshToken.lastIndexOf(SEPARATOR) : -1;
		return (separator > 0) ? refreshToken.substring(0, separator) : null;
	}

	/** When the reader signed in for this family: its code or device code was issued then. */
	private static Instant familyStart(OAuth2Authorization authorization, Instant now) {
		if (authorization == null) {
			return now;
		}
		OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
		if (code != null && code.getToken().getIssuedAt() != null) {
			return code.getToken().getIssuedAt();
		}
		OAuth2Authorization.Token<OAuth2DeviceCode> deviceCode = authorization.getToken(OAuth2DeviceCode.class);
		if (deviceCode != null && deviceCode.getToken().getIssuedAt() != null) {
			return deviceCode.getToken().getIssuedAt();
		}
		return now;
	}

}

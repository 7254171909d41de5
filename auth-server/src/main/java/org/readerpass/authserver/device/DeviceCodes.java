package org.readerpass.authserver.device;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Device codes, the secret a box polls with: 256 random bits, base64url, living
 * {@code readerpass.device.lifetime} (as its user code does).
 */
final class DeviceCodes implements OAuth2TokenGenerator<OAuth2DeviceCode> {

	static final OAuth2TokenType TYPE = new OAuth2TokenType(OAuth2ParameterNames.DEVICE_CODE);

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final Duration lifetime;

	DeviceCodes(Clock clock, Duration lifetime) {
		this.clock = clock;
		this.lifetime = lifetime;
	}

	@Override
	public OAuth2DeviceCode generate(OAuth2TokenContext context) {
		if (!TYPE.equals(context.getTokenType())) {
			return null;
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		Instant now = this.clock.instant();
		return new OAuth2DeviceCode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), now,
				now.plus(this.lifetime));
	}

}

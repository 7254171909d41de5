package org.readerpass.authserver.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the server's own access tokens whose signature it has verified, so that a token
 * presented again — a resource server introspecting the same token at each request, an app calling
 * userinfo — costs a map lookup instead of an ECDSA verification (which is most of the cost of
 * introspection). Only the signature check is remembered: type, issuer, expiry and the revocation
 * list are checked on every use, and a remembered token whose key has left the JWKS (retired, or
 * retired at once after a leak) is verified afresh, and so refused.
 *
 * <p>
 * Keyed by the SHA-256 of the exact token text (token values are never kept); at most
 * {@code capacity} tokens, dropped at their {@code exp} (and all at once when full of live ones,
 * which only costs verifications).
 */
final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> validator;

	private final JWKSource<SecurityContext> keys;

	private final Clock clock;

	private final int capacity;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	/**
	 * @param decoder the full check: signature, then {@code validator}
	 * @param validator the checks repeated at every use
	 * @param keys the published keys
	 */
	VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, JWKSource<SecurityContext> keys,
			Clock clock, int capacity) {
		this.decoder = decoder;
		this.validator = validator;
		this.keys = keys;
		this.clock = clock;
		this.capacity = capacity;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		String key = (token != null) ? digest(token) : null;
		Jwt remembered = (key != null) ? this.verified.get(key) : null;
		if (remembered != null && stillPublished(remembered)) {
			OAuth2TokenValidatorResult result = this.validator.validate(remembered);
			if (result.hasErrors()) {
				throw new JwtValidationException("The token is no longer valid", result.getErrors());
			}
			return remembered;
		}
		Jwt jwt = this.decoder.decode(token);
		remember(key, jwt);
		return jwt;
	}

	int size() {
		return this.verified.size();
	}

	private static String digest(String token) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private void remember(String key, Jwt jwt) {
		if (jwt.getExpiresAt() == null) {
			return;
		}
		if (this.verified.size() >= this.capacity) {
			Instant now = this.clock.instant();
			this.verified.values().removeIf(known -> !known.getExpiresAt().isAfter(now));
			if (this.verified.size() >= this.capacity) {
				this.verified.clear();
			}
		}
		this.verified.put(key, jwt);
	}

	private boolean stillPublished(Jwt jwt) {
		Object keyId = jwt.getHeaders().get("kid");
		if (!(keyId instanceof String kid)) {
			return false;
		}
		try {
			return !this.keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null).isEmpty();
		}
		catch (KeySourceException ex) {
			return false;
		}
	}

}

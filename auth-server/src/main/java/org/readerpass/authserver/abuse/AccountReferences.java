package org.readerpass.authserver.abuse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.readerpass.policy.Secret;

/**
 * An opaque reference to a typed card or ID number, for counter keys and the audit log: base64url
 * of the first 16 bytes of HMAC-SHA256 under the directory's identity key
 * ({@code readerpass.directory.identity-hmac-key}, identical on every node), with a label of its
 * own so it matches no other HMAC of that key. A plain hash would not do: card numbers are few
 * enough to try them all.
 */
final class AccountReferences {

	private static final byte[] LABEL = "readerpass-login-throttle\0".getBytes(StandardCharsets.UTF_8);

	private final SecretKeySpec key;

	AccountReferences(Secret identityKey) {
		this.key = new SecretKeySpec(identityKey.bytes(), "HmacSHA256");
	}

	String of(String identifier) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(LABEL);
			byte[] digest = mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is in every JDK", ex);
		}
	}

}

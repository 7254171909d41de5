package org.readerpass.authserver.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private signing keys at rest with AES-256-GCM; the key id is bound in as associated
 * data, so a sealed key cannot be moved to another row unnoticed.
 */
final class KeyEncryption {

	private static final int IV_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	KeyEncryption(byte[] keyBytes) {
		if (keyBytes.length != 32) {
			throw new IllegalArgumentException("the key-encryption key must be 32 bytes (256 bits), got "
					+ keyBytes.length);
		}
		this.key = new SecretKeySpec(keyBytes, "AES");
	}

	String seal(String keyId, String plaintext) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyId, iv);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot seal signing key " + keyId, ex);
		}
	}

	String open(String keyId, String sealedText) {
		try {
			byte[] in = Base64.getDecoder().decode(sealedText);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, Arrays.copyOf(in, IV_BYTES));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("cannot open signing key " + keyId
					+ ": wrong readerpass.keys.encryption-key, or the stored key was altered", ex);
		}
	}

	private Cipher cipher(int mode, String keyId, byte[] iv) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(128, iv));
		cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

}

package org.readerpass.ldapsync.embedded;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryPasswordEncoder;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ReadOnlyEntry;
import com.unboundid.ldap.sdk.ResultCode;

/**
 * {@code {SSHA}} passwords (SHA-1 of the password followed by the salt, then the salt, base64) for
 * the embedded directories, safe under concurrent binds. The SDK's
 * {@code SaltedMessageDigestInMemoryPasswordEncoder} shares one {@link MessageDigest} between every
 * bind without synchronisation: under concurrent logins, digests of different binds interleave and
 * a right password is answered {@code invalidCredentials} (4 of 12,454 logins in issue 11's load
 * test). This encoder takes a digest of its own for each use.
 */
final class SshaPasswordEncoder extends InMemoryPasswordEncoder {

	private static final int DIGEST_LENGTH = 20;

	private static final int SALT_LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	SshaPasswordEncoder() {
		super("{SSHA}", Base64PasswordEncoderOutputFormatter.getInstance());
	}

	@Override
	protected byte[] encodePassword(byte[] clearPassword, ReadOnlyEntry userEntry, List<Modification> modifications) {
		byte[] salt = new byte[SALT_LENGTH];
		RANDOM.nextBytes(salt);
		return concat(digest(clearPassword, salt), salt);
	}

	@Override
	protected void ensurePreEncodedPasswordAppearsValid(byte[] encoded, ReadOnlyEntry userEntry,
			List<Modification> modifications) throws LDAPException {
		if (encoded.length <= DIGEST_LENGTH) {
			throw new LDAPException(ResultCode.PARAM_ERROR, "an {SSHA} password is a SHA-1 digest followed by a salt");
		}
	}

	@Override
	protected boolean passwordMatches(byte[] clearPassword, byte[] encoded, ReadOnlyEntry userEntry) {
		if (encoded.length <= DIGEST_LENGTH) {
			return false;
		}
		byte[] salt = Arrays.copyOfRange(encoded, DIGEST_LENGTH, encoded.length);
		return MessageDigest.isEqual(Arrays.copyOf(encoded, DIGEST_LENGTH), digest(clearPassword, salt));
	}

	@Override
	protected byte[] extractClearPassword(byte[] encoded, ReadOnlyEntry userEntry) throws LDAPException {
		throw new LDAPException(ResultCode.NOT_SUPPORTED, "an {SSHA} password cannot be turned back into the password");
	}

	@Override
	public void toString(StringBuilder buffer) {
		buffer.append("SshaPasswordEncoder(a digest per use)");
	}

	private static byte[] digest(byte[] clearPassword, byte[] salt) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			sha1.update(clearPassword);
			sha1.update(salt);
			return sha1.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is part of every JDK", ex);
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}

package org.readerpass.authserver.subject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The {@code sub} a client sees for a reader (OIDC Core §8). A public client sees the reader's own
 * id; a pairwise client (its {@value #SECTOR_SETTING} setting names its sector) sees
 * {@code base64url(HMAC-SHA256(key, sector + "|" + reader id))}: the same for every client of that
 * sector, at every sign-in, and not linkable to the reader's id or to another sector's value without
 * the key. Reader tokens only: a client-credentials token's {@code sub} is the client.
 */
public final class PairwiseSubjects {

	/** Client setting: the sector (a host name) of a pairwise client; absent for public clients. */
	public static final String SECTOR_SETTING = "readerpass.pairwise-sector";

	private static final String HMAC = "HmacSHA256";

	private final Supplier<byte[]> keySource;

	private volatile byte[] key;

	/**
	 * @param keySource reads or makes the key; asked once, when a pairwise value is first needed or
	 * {@link #loadKey()} is called
	 */
	PairwiseSubjects(Supplier<byte[]> keySource) {
		this.keySource = keySource;
	}

	/**
	 * Reads (or, on a single node, generates) the key now, so that a network with pairwise clients
	 * fails at start-up rather than at its first sign-in if the key cannot be had; a network without
	 * any never needs one.
	 */
	public void loadKey() {
		key();
	}

	/**
	 * The {@code sub} this client sees for the reader.
	 * @param client the registered client the token is for
	 * @param readerSubject the reader's own id (the public {@code sub})
	 * @return {@code readerSubject} for a public client, the sector's pairwise value otherwise
	 */
	public String subjectFor(RegisteredClient client, String readerSubject) {
		Object sector = client.getClientSettings().getSetting(SECTOR_SETTING);
		return (sector instanceof String name) ? pairwise(key(), name, readerSubject) : readerSubject;
	}

	static String pairwise(byte[] key, String sector, String readerSubject) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key, HMAC));
			byte[] digest = mac.doFinal((sector + "|" + readerSubject).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private byte[] key() {
		byte[] loaded = this.key;
		if (loaded == null) {
			synchronized (this) {
				if (this.key == null) {
					this.key = this.keySource.get();
				}
				loaded = this.key;
			}
		}
		return loaded;
	}

}

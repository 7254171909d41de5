package org.readerpass.authserver.authorization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.SpringSecurityCoreVersion;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Authorizations as bytes in a shared store: Java serialization behind a header naming the format,
 * read back through an allow-list of classes (see
 * {@code docs/decisions/2026-12-04-redis-authorization-store.md}).
 *
 * <p>
 * The header is {@code RPA}, this format's version and the Spring Security major version: a node
 * reads only entries of its own header, and an entry it cannot read (another version, garbage, a
 * class outside the allow-list) is absent, logged at WARN at most once a minute with how many were
 * skipped since.
 */
final class AuthorizationCodec {

	/** Bump when what is stored changes shape (our classes in an authorization, the token hashing). */
	static final byte FORMAT_VERSION = 1;

	private static final byte[] MAGIC = { 'R', 'P', 'A' };

	/**
	 * The classes an authorization is made of: the JDK's values and collections, Spring Security's
	 * tokens, requests and authentications, and ReaderPass's principal. Everything else is refused
	 * before it is instantiated, as are deep or huge graphs.
	 */
	static final String ALLOWED = "maxdepth=20;maxrefs=10000;maxarray=100000;maxbytes=1048576;"
			+ "java.lang.*;java.util.*;java.time.*;java.net.URL;java.net.URI;"
			+ "org.springframework.security.**;org.readerpass.**;!*";

	private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(ALLOWED);

	private static final Logger log = LoggerFactory.getLogger(AuthorizationCodec.class);

	private static final Duration WARN_EVERY = Duration.ofMinutes(1);

	private final byte[] header;

	private final Clock clock;

	private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

	private final AtomicLong unwarned = new AtomicLong();

	AuthorizationCodec(Clock clock) {
		this(FORMAT_VERSION, clock);
	}

	AuthorizationCodec(byte formatVersion, Clock clock) {
		this.clock = clock;
		this.header = ByteBuffer.allocate(MAGIC.length + 2)
			.put(MAGIC)
			.put(formatVersion)
			.put((byte) securityMajorVersion())
			.array();
	}

	byte[] encode(OAuth2Authorization authorization) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
		bytes.writeBytes(this.header);
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(authorization);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Authorization not serializable: " + ex.getMessage(), ex);
		}
		return bytes.toByteArray();
	}

	/** The authorization, or {@code null} when the bytes are absent or not readable by this node. */
	OAuth2Authorization decode(byte[] bytes, String key) {
		if (bytes == null) {
			return null;
		}
		if (bytes.length < this.header.length
				|| !Arrays.equals(bytes, 0, this.header.length, this.header, 0, this.header.length)) {
			unreadable(key, "another format version");
			return null;
		}
		try (ObjectInputStream in = new ObjectInputStream(
				new ByteArrayInputStream(bytes, this.header.length, bytes.length - this.header.length))) {
			in.setObjectInputFilter(FILTER);
			if (in.readObject() instanceof OAuth2Authorization authorization) {
				return authorization;
			}
			unreadable(key, "not an authorization");
		}
		catch (IOException | ClassNotFoundException | RuntimeException ex) {
			unreadable(key, "not readable (" + ex.getClass().getSimpleName() + ")");
		}
		return null;
	}

	private void unreadable(String key, String reason) {
		Instant now = this.clock.instant();
		Instant last = this.lastWarning.get();
		if (now.isBefore(last.plus(WARN_EVERY)) || !this.lastWarning.compareAndSet(last, now)) {
			this.unwarned.incrementAndGet();
			return;
		}
		log.warn("Stored authorization skipped as absent: {} key={} skippedSinceLastWarning={}", reason, key,
				this.unwarned.getAndSet(0));
	}

	private static int securityMajorVersion() {
		String version = SpringSecurityCoreVersion.getVersion();
		if (version == null) {
			return 0; // not from a jar (an IDE build): the major version cannot be told
		}
		int dot = version.indexOf('.');
		return Integer.parseInt((dot > 0) ? version.substring(0, dot) : version);
	}

}

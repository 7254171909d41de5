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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.SpringSecurityCoreVersion;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Authorizations as bytes in a shared store, behind a header naming the format (see
 * {@code docs/decisions/2026-12-04-redis-authorization-store.md} and
 * {@code docs/decisions/2026-12-05-compact-authorization-format.md}).
 *
 * <p>
 * The header is {@code RPA}, the format's version and the Spring Security major version. Version
 * {@value #JAVA_SERIALIZATION} is Java serialization, read back through an allow-list of classes;
 * version {@value #COMPACT} is {@link CompactAuthorizations} (several times faster to read and
 * write, less than half the size), whose rare values of other types are Java-serialized in place
 * behind the same allow-list. A node reads both; it writes the compact form unless told to write
 * Java serialization (while nodes of a release that reads only that are still running), and falls
 * back to Java serialization for an authorization the compact form cannot carry (a token of a kind
 * the authorization server does not issue). An entry it cannot read (another version, garbage, a
 * class outside the allow-list) is absent, logged at WARN at most once a minute with how many were
 * skipped since.
 */
final class AuthorizationCodec {

	/**
	 * Java serialization of the authorization. Both versions change when what is stored changes
	 * shape (our classes in an authorization, the token hashing).
	 */
	static final byte JAVA_SERIALIZATION = 1;

	/** {@link CompactAuthorizations}. */
	static final byte COMPACT = 2;

	private static final byte[] MAGIC = { 'R', 'P', 'A' };

	private static final int HEADER_LENGTH = MAGIC.length + 2;

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

	private final byte writes;

	private final int securityMajor = securityMajorVersion();

	private final CompactAuthorizations compact;

	private final Clock clock;

	private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

	private final AtomicLong unwarned = new AtomicLong();

	AuthorizationCodec(Clock clock, List<CompactForm<?>> forms) {
		this(COMPACT, clock, forms);
	}

	/**
	 * @param writes the version this node writes: {@link #COMPACT}, {@link #JAVA_SERIALIZATION}, or
	 * (in tests) any other, written as Java serialization under that version
	 * @param forms the compact forms of other packages' types ({@link CompactForm})
	 */
	AuthorizationCodec(byte writes, Clock clock, List<CompactForm<?>> forms) {
		this.writes = writes;
		this.clock = clock;
		this.compact = new CompactAuthorizations(FILTER, forms);
	}

	byte[] encode(OAuth2Authorization authorization) {
		if (this.writes == COMPACT) {
			CompactBytes.Out out = new CompactBytes.Out(1024);
			out.raw(header(COMPACT));
			try {
				this.compact.write(authorization, out);
				return out.toByteArray();
			}
			catch (CompactBytes.Unencodable ex) {
				return javaSerialization(authorization, JAVA_SERIALIZATION);
			}
		}
		return javaSerialization(authorization, this.writes);
	}

	private byte[] javaSerialization(OAuth2Authorization authorization, byte version) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
		bytes.writeBytes(header(version));
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(authorization);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Authorization not serializable: " + ex.getMessage(), ex);
		}
		return bytes.toByteArray();
	}

	private byte[] header(byte version) {
		return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC).put(version).put((byte) this.securityMajor).array();
	}

	/** The authorization, or {@code null} when the bytes are absent or not readable by this node. */
	OAuth2Authorization decode(byte[] bytes, String key) {
		if (bytes == null) {
			return null;
		}
		if (bytes.length < HEADER_LENGTH || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
				|| bytes[MAGIC.length + 1] != (byte) this.securityMajor) {
			unreadable(key, "another format version");
			return null;
		}
		byte version = bytes[MAGIC.length];
		if (version == COMPACT) {
			try {
				return this.compact.read(new CompactBytes.In(bytes, HEADER_LENGTH));
			}
			catch (RuntimeException ex) {
				unreadable(key, "not readable (" + ex.getClass().getSimpleName() + ")");
				return null;
			}
		}
		if (version != JAVA_SERIALIZATION && version != this.writes) {
			unreadable(key, "another format version");
			return null;
		}
		try (ObjectInputStream in = new ObjectInputStream(
				new ByteArrayInputStream(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH))) {
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

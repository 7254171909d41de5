package org.readerpass.authserver.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.FlushMode;
import org.springframework.session.MapSession;
import org.springframework.session.SaveMode;
import org.springframework.session.Session;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * SSO sessions in Redis, stored as Spring Session's stock {@code RedisSessionRepository} stores
 * them ({@link RedisSessionHash}, key {@code <namespace>:sessions:<id>}) — with its values in Java
 * serialization ({@code readerpass.redis.session-format=java}), so that a rolling upgrade in either
 * direction signs nobody out, or by default with the common values in a compact form that only
 * this store reads ({@link SessionValues}) — but in fewer round trips (see
 * {@code docs/decisions/2026-12-04-redis-session-repository.md}):
 * <ul>
 * <li>find: one {@code HGETALL}; an attribute is deserialized when first asked for, so a request
 * pays only for the attributes it uses;</li>
 * <li>save with nothing changed: nothing sent (the stock repository asks {@code EXISTS} at every
 * save, and {@code SessionRepositoryFilter} saves twice a request);</li>
 * <li>save where only the last access moved: nothing sent until it is
 * {@linkplain #lastAccessGranularity(Duration) a granularity} past the stored one, so a session may
 * expire up to that much earlier than its nominal timeout;</li>
 * <li>save of a changed session: one script that writes only if the hash still exists (a session
 * deleted meanwhile, by a sign-out on another node or by expiry, is never brought back; the
 * changes are dropped), setting the changed fields and the expiry;</li>
 * <li>new session: one script; changed session id (at login): the whole session under the new key
 * and {@code DEL} of the old one, two commands in one round trip (their keys are in different hash
 * slots of a Redis Cluster);</li>
 * <li>delete: {@code DEL}.</li>
 * </ul>
 * Every command touches one key. A session expires by its key's TTL, set at every write to its
 * last access plus its maximum inactive interval, as the stock repository does.
 */
final class RedisSessionStore implements SessionRepository<RedisSessionStore.RedisSession> {

	/**
	 * The most a session's stored last access may lag behind the real one before a save writes it
	 * (at most a tenth of the session's timeout): the price of a request that changes nothing
	 * being free. With the 30-minute default a session may end up to 60 s early.
	 */
	static final Duration LAST_ACCESS_GRANULARITY = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(RedisSessionStore.class);

	private final RedisSessionCommands redis;

	private final RedisSessionHash hash;

	private final String keyPrefix;

	private final Duration defaultMaxInactiveInterval;

	private final SaveMode saveMode;

	private final FlushMode flushMode;

	private final SessionIdGenerator ids = UuidSessionIdGenerator.getInstance();

	/**
	 * @param namespace the keys' namespace, as the stock repository's
	 * ({@code spring.session.data.redis.namespace}): keys are {@code <namespace>:sessions:<id>}
	 */
	RedisSessionStore(RedisConnectionFactory connections, String namespace, Duration defaultMaxInactiveInterval,
			SaveMode saveMode, FlushMode flushMode) {
		this(connections, namespace, defaultMaxInactiveInterval, saveMode, flushMode,
				SessionValues.java(RedisSessionStore.class.getClassLoader()));
	}

	/** @param values how values are written (every form is read) */
	RedisSessionStore(RedisConnectionFactory connections, String namespace, Duration defaultMaxInactiveInterval,
			SaveMode saveMode, FlushMode flushMode, SessionValues values) {
		this.redis = new RedisSessionCommands(connections);
		this.hash = new RedisSessionHash(values);
		this.keyPrefix = namespace.trim() + ":sessions:";
		this.defaultMaxInactiveInterval = defaultMaxInactiveInterval;
		this.saveMode = saveMode;
		this.flushMode = flushMode;
	}

	/** How far the last access may move before it is written: {@link #LAST_ACCESS_GRANULARITY}, at most a tenth of the timeout. */
	static Duration lastAccessGranularity(Duration maxInactiveInterval) {
		if (maxInactiveInterval.isNegative()) {
			return LAST_ACCESS_GRANULARITY;
		}
		Duration tenth = maxInactiveInterval.dividedBy(10);
		return (tenth.compareTo(LAST_ACCESS_GRANULARITY) < 0) ? tenth : LAST_ACCESS_GRANULARITY;
	}

	@Override
	public RedisSession createSession() {
		MapSession session = new MapSession(this.ids);
		session.setMaxInactiveInterval(this.defaultMaxInactiveInterval);
		RedisSession created = new RedisSession(session, Map.of(), null);
		created.flushIfRequired();
		return created;
	}

	@Override
	public void save(RedisSession session) {
		session.save();
	}

	@Override
	public RedisSession findById(String id) {
		Map<byte[], byte[]> stored = this.redis.read(key(id));
		if (stored.isEmpty()) {
			return null;
		}
		RedisSessionHash.Stored read;
		try {
			read = this.hash.read(id, stored);
		}
		catch (IllegalStateException ex) {
			// a required field is missing: no session can be made of it (the stock repository fails the request)
			log.warn("Deleted a session hash that lacks a required field: {}", ex.getMessage());
			deleteById(id);
			return null;
		}
		catch (SerializationException ex) {
			// its times cannot be read: a new session, the old one left alone
			log.warn("A session could not be read; treated as absent: {}", ex.getMessage());
			return null;
		}
		MapSession session = read.session();
		if (session.isExpired()) {
			deleteById(id);
			return null;
		}
		return new RedisSession(session, read.attributes(), session.getLastAccessedTime());
	}

	@Override
	public void deleteById(String id) {
		this.redis.delete(key(id));
	}

	private byte[] key(String id) {
		return (this.keyPrefix + id).getBytes(StandardCharsets.UTF_8);
	}

	private static long expireAt(MapSession session) {
		Duration timeout = session.getMaxInactiveInterval();
		return timeout.isNegative() ? -1
				: session.getLastAccessedTime().toEpochMilli() + timeout.getSeconds() * 1000;
	}

	/** A session of this store: its state, what changed since it was last written, and which id and last access Redis holds. */
	final class RedisSession implements Session {

		private final MapSession cached;

		/**
		 * Attributes as stored, not read yet: each is deserialized when first asked for, so a request
		 * pays only for the attributes it uses (a page that needs the CSRF token does not read the
		 * saved authorization request).
		 */
		private final Map<String, byte[]> unread;

		/** Changed fields and their new values; {@code null} for an attribute removed. */
		private final Map<String, Object> changes = new HashMap<>();

		/** The id it is stored under; {@code null} while it was never written. */
		private String storedId;

		/** The last access Redis holds; {@code null} while it was never written. */
		private Instant storedLastAccess;

		RedisSession(MapSession cached, Map<String, byte[]> unread, Instant storedLastAccess) {
			this.cached = cached;
			this.unread = new HashMap<>(unread);
			this.storedLastAccess = storedLastAccess;
			this.storedId = (storedLastAccess != null) ? cached.getId() : null;
			if (storedLastAccess != null && RedisSessionStore.this.saveMode == SaveMode.ALWAYS) {
				for (String name : getAttributeNames()) {
					this.changes.put(RedisSessionHash.attributeField(name), read(name));
				}
			}
		}

		@Override
		public String getId() {
			return this.cached.getId();
		}

		@Override
		public String changeSessionId() {
			String id = RedisSessionStore.this.ids.generate();
			this.cached.setId(id);
			return id;
		}

		@Override
		public <T> T getAttribute(String name) {
			read(name);
			T value = this.cached.getAttribute(name);
			if (value != null && RedisSessionStore.this.saveMode == SaveMode.ON_GET_ATTRIBUTE) {
				this.changes.put(RedisSessionHash.attributeField(name), value);
			}
			return value;
		}

		@Override
		public Set<String> getAttributeNames() {
			if (this.unread.isEmpty()) {
				return this.cached.getAttributeNames();
			}
			Set<String> names = new HashSet<>(this.cached.getAttributeNames());
			names.addAll(this.unread.keySet());
			return names;
		}

		/**
		 * Deserializes the attribute if it was not yet; one this node cannot read (a class of
		 * another version) is dropped from the session, as if it was never set.
		 */
		private Object read(String name) {
			byte[] stored = this.unread.remove(name);
			if (stored != null) {
				try {
					this.cached.setAttribute(name, RedisSessionStore.this.hash.value(stored));
				}
				catch (SerializationException ex) {
					log.warn("A session attribute could not be read; dropped: {}", ex.getMessage());
					this.changes.put(RedisSessionHash.attributeField(name), null);
				}
			}
			return this.cached.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.unread.remove(name);
			this.cached.setAttribute(name, value);
			this.changes.put(RedisSessionHash.attributeField(name), value);
			flushIfRequired();
		}

		@Override
		public void removeAttribute(String name) {
			setAttribute(name, null);
		}

		@Override
		public Instant getCreationTime() {
			return this.cached.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			// not a change by itself: written with the next change, or once it moved a granularity
			this.cached.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.cached.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.cached.setMaxInactiveInterval(interval);
			this.changes.put(RedisSessionHash.MAX_INACTIVE_INTERVAL, (int) interval.getSeconds());
			flushIfRequired();
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.cached.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.cached.isExpired();
		}

		private void flushIfRequired() {
			if (RedisSessionStore.this.flushMode == FlushMode.IMMEDIATE) {
				save();
			}
		}

		private void save() {
			RedisSessionCommands redis = RedisSessionStore.this.redis;
			RedisSessionHash hash = RedisSessionStore.this.hash;
			long expireAt = expireAt(this.cached);
			if (this.storedId == null) {
				redis.write(key(getId()), false, expireAt, hash.all(this.cached, this.unread), List.of());
			}
			else if (!this.storedId.equals(getId())) {
				redis.move(key(this.storedId), key(getId()), expireAt, hash.all(this.cached, this.unread));
			}
			else if (!this.changes.isEmpty() || lastAccessDue()) {
				List<byte[]> fields = new ArrayList<>();
				List<byte[]> removed = new ArrayList<>();
				this.changes.forEach((field, value) -> {
					if (value != null) {
						hash.add(fields, field, value);
					}
					else {
						removed.add(RedisSessionHash.field(field));
					}
				});
				hash.add(fields, RedisSessionHash.LAST_ACCESSED_TIME, getLastAccessedTime().toEpochMilli());
				if (!redis.write(key(getId()), true, expireAt, fields, removed)) {
					log.debug("A changed session was not written: it was deleted meanwhile (signed out or expired)");
				}
			}
			else {
				return;
			}
			this.changes.clear();
			this.storedId = getId();
			this.storedLastAccess = getLastAccessedTime();
		}

		private boolean lastAccessDue() {
			Instant lastAccess = getLastAccessedTime();
			return lastAccess.isAfter(this.storedLastAccess) && !lastAccess
				.isBefore(this.storedLastAccess.plus(lastAccessGranularity(getMaxInactiveInterval())));
		}

	}

}

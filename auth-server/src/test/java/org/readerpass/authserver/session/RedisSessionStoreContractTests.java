package org.readerpass.authserver.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.login.ReaderAuthenticationForm;
import org.readerpass.authserver.login.ReaderAuthenticationToken;
import org.readerpass.authserver.login.ReaderPrincipal;
import org.readerpass.authserver.testsupport.TestRedisKeys;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link RedisSessionStore} promises, on a real Redis of the subclass's choosing: sessions
 * found with every attribute, by any node (another store on the same Redis), a changed id and a
 * deletion never leaving the old session behind, expiry by the key's TTL at last access plus
 * timeout, a session deleted elsewhere never brought back, and no write while nothing changed.
 * Every test works under a key prefix of its own and deletes its keys.
 */
abstract class RedisSessionStoreContractTests {

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	private static final RedisScript<Long> EXPIRE_TIME = RedisScript.of("return redis.call('PEXPIRETIME', KEYS[1])",
			Long.class);

	final String prefix = "readerpass-test:" + UUID.randomUUID() + ":";

	/** The Redis under test; the subclass connects and disconnects. */
	abstract RedisConnectionFactory connections();

	RedisSessionStore newStore() {
		return newStore(SaveMode.ON_SET_ATTRIBUTE, FlushMode.ON_SAVE);
	}

	RedisSessionStore newStore(SaveMode saveMode, FlushMode flushMode) {
		return new RedisSessionStore(connections(), namespace(), TIMEOUT, saveMode, flushMode, values());
	}

	/** How values are written: the compact form where there is one, as the production profile writes them. */
	SessionValues values() {
		return new SessionValues(RedisSessionStore.class.getClassLoader(), SessionValues.Format.COMPACT,
				List.of(new ReaderAuthenticationForm()));
	}

	/** A reader signed in, as the login page signs one in: a value with a compact form. */
	static SecurityContextImpl readerSignedIn() {
		return new SecurityContextImpl(new ReaderAuthenticationToken(new ReaderPrincipal(UUID.randomUUID(),
				UUID.randomUUID(), "zj", Instant.parse("2026-12-05T08:00:00.123456789Z"), "sid-1")));
	}

	String namespace() {
		return this.prefix + "session";
	}

	@AfterEach
	void deleteKeys() {
		TestRedisKeys.deleteAll(connections(), this.prefix);
	}

	@Test
	void findByIdWhenCreatedAndSavedThenAnotherNodeFindsItWithEveryAttribute() {
		RedisSessionStore store = newStore();
		RedisSessionStore.RedisSession session = store.createSession();
		SecurityContextImpl signedIn = signedIn("reader-1");
		SecurityContextImpl reader = readerSignedIn();
		DefaultCsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1");
		session.setAttribute("SPRING_SECURITY_CONTEXT", signedIn);
		session.setAttribute("count", 3);
		session.setAttribute("reader", reader);
		session.setAttribute("csrf", csrf);
		session.setAttribute("saved", "/oauth2/authorize?client_id=zj-reader-app&state=%E4%B8%AD");
		store.save(session);

		RedisSessionStore.RedisSession found = newStore().findById(session.getId());

		assertThat(found).isNotNull();
		assertThat(found.getId()).isEqualTo(session.getId());
		assertThat(found.getAttributeNames()).containsExactlyInAnyOrder("SPRING_SECURITY_CONTEXT", "count", "reader",
				"csrf", "saved");
		assertThat(found.<SecurityContextImpl>getAttribute("SPRING_SECURITY_CONTEXT")).isEqualTo(signedIn);
		assertThat(found.<Integer>getAttribute("count")).isEqualTo(3);
		assertThat(found.<SecurityContextImpl>getAttribute("reader")).isEqualTo(reader);
		assertThat(found.<DefaultCsrfToken>getAttribute("csrf")).usingRecursiveComparison().isEqualTo(csrf);
		assertThat(found.<String>getAttribute("saved")).isEqualTo("/oauth2/authorize?client_id=zj-reader-app&state=%E4%B8%AD");
		// stored in epoch milliseconds, as the stock repository stores them
		assertThat(found.getCreationTime()).isEqualTo(session.getCreationTime().truncatedTo(ChronoUnit.MILLIS));
		assertThat(found.getLastAccessedTime()).isEqualTo(session.getLastAccessedTime().truncatedTo(ChronoUnit.MILLIS));
		assertThat(found.getMaxInactiveInterval()).isEqualTo(TIMEOUT);
	}

	@Test
	void findByIdWhenNoSuchSessionThenNull() {
		assertThat(newStore().findById(UUID.randomUUID().toString())).isNull();
	}

	@Test
	void findByIdWhenAnAttributeIsNeverAskedForThenItIsNotReadAndKeptAsStored() {
		RedisSessionStore store = newStore();
		String id = saved(store, "used", "a");
		// bytes no JDK deserialization accepts: reading them would fail the lookup
		byte[] opaque = "not a serialized object".getBytes(StandardCharsets.UTF_8);
		hsetRaw(id, "sessionAttr:opaque", opaque);

		RedisSessionStore.RedisSession session = store.findById(id);
		assertThat(session).isNotNull();
		assertThat(session.getAttributeNames()).containsExactlyInAnyOrder("used", "opaque");
		assertThat(session.<String>getAttribute("used")).isEqualTo("a");
		session.setAttribute("used", "b");
		store.save(session);
		session.changeSessionId();
		store.save(session);

		assertThat(rawField(session.getId(), "sessionAttr:opaque")).as("moved to the new id as stored")
			.isEqualTo(opaque);
		assertThat(newStore().findById(session.getId()).<String>getAttribute("used")).isEqualTo("b");
	}

	@Test
	void getAttributeWhenTheStoredValueCannotBeReadThenAbsentAndDroppedAtTheNextSave() {
		RedisSessionStore store = newStore();
		String id = saved(store, "used", "a");
		hsetRaw(id, "sessionAttr:opaque", "not a serialized object".getBytes(StandardCharsets.UTF_8));
		RedisSessionStore.RedisSession session = store.findById(id);

		assertThat(session.<Object>getAttribute("opaque")).isNull();
		assertThat(session.getAttributeNames()).containsExactly("used");
		store.save(session);

		assertThat(rawField(id, "sessionAttr:opaque")).isNull();
		assertThat(newStore().findById(id).<String>getAttribute("used")).isEqualTo("a");
	}

	@Test
	void saveWhenAttributeSetAndRemovedThenStoredThatWay() {
		RedisSessionStore store = newStore();
		String id = saved(store, "kept", "a", "removed", "b");
		RedisSessionStore.RedisSession session = store.findById(id);
		session.setAttribute("kept", "a2");
		session.setAttribute("added", "c");
		session.removeAttribute("removed");
		store.save(session);

		RedisSessionStore.RedisSession found = newStore().findById(id);

		assertThat(found.getAttributeNames()).containsExactlyInAnyOrder("kept", "added");
		assertThat(found.<String>getAttribute("kept")).isEqualTo("a2");
		assertThat(found.<String>getAttribute("added")).isEqualTo("c");
		assertThat(hash(id)).as("a removed attribute leaves no field").doesNotContainKey("sessionAttr:removed");
	}

	@Test
	void changeSessionIdWhenSavedThenOnlyTheNewIdHoldsTheSessionWithEveryAttribute() {
		RedisSessionStore store = newStore();
		String oldId = saved(store, "a", "1", "b", "2");
		RedisSessionStore.RedisSession session = store.findById(oldId);
		String newId = session.changeSessionId();
		session.setAttribute("c", "3");
		store.save(session);

		assertThat(newId).isNotEqualTo(oldId);
		assertThat(exists(oldId)).isFalse();
		assertThat(newStore().findById(oldId)).isNull();
		RedisSessionStore.RedisSession found = newStore().findById(newId);
		assertThat(found.getAttributeNames()).containsExactlyInAnyOrder("a", "b", "c");
		assertThat(found.<String>getAttribute("a")).isEqualTo("1");
		assertThat(found.<String>getAttribute("c")).isEqualTo("3");
		assertThat(found.getCreationTime()).isEqualTo(session.getCreationTime().truncatedTo(ChronoUnit.MILLIS));
		assertThat(expireTime(newId)).isEqualTo(session.getLastAccessedTime().plus(TIMEOUT).toEpochMilli());
	}

	@Test
	void changeSessionIdWhenSessionNeverSavedThenStoredUnderTheNewIdOnly() {
		RedisSessionStore store = newStore();
		RedisSessionStore.RedisSession session = store.createSession();
		String firstId = session.getId();
		session.setAttribute("a", "1");
		String newId = session.changeSessionId();
		store.save(session);

		assertThat(exists(firstId)).isFalse();
		assertThat(newStore().findById(newId).<String>getAttribute("a")).isEqualTo("1");
	}

	@Test
	void deleteByIdWhenSavedThenGone() {
		RedisSessionStore store = newStore();
		String id = saved(store, "a", "1");

		newStore().deleteById(id);

		assertThat(exists(id)).isFalse();
		assertThat(store.findById(id)).isNull();
	}

	@Test
	void saveWhenSavedThenKeyExpiresAtLastAccessPlusTimeout() {
		RedisSessionStore store = newStore();
		RedisSessionStore.RedisSession session = store.createSession();
		store.save(session);

		assertThat(expireTime(session.getId()))
			.isEqualTo(session.getLastAccessedTime().toEpochMilli() + TIMEOUT.toMillis());
	}

	@Test
	void setMaxInactiveIntervalWhenSavedThenStoredAndTheExpiryFollows() {
		RedisSessionStore store = newStore();
		String id = saved(store, "a", "1");
		RedisSessionStore.RedisSession session = store.findById(id);
		session.setMaxInactiveInterval(Duration.ofHours(2));
		store.save(session);

		assertThat(newStore().findById(id).getMaxInactiveInterval()).isEqualTo(Duration.ofHours(2));
		assertThat(expireTime(id)).isEqualTo(session.getLastAccessedTime().toEpochMilli() + Duration.ofHours(2).toMillis());
	}

	@Test
	void findByIdWhenTheHashSaysExpiredThenNullAndDeleted() {
		RedisSessionStore store = newStore();
		String id = saved(store, "a", "1");
		RedisSessionStore.RedisSession session = store.findById(id);
		session.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(20)));
		session.setMaxInactiveInterval(Duration.ofMinutes(30));
		store.save(session);
		// another node shortened the timeout: by its hash the session is over, though its key lives on
		hset(id, "maxInactiveInterval", 600);

		assertThat(store.findById(id)).isNull();
		assertThat(exists(id)).isFalse();
	}

	@Test
	void saveWhenLastAccessLongAgoThenRedisDropsTheKey() {
		RedisSessionStore store = newStore();
		RedisSessionStore.RedisSession session = store.createSession();
		session.setLastAccessedTime(Instant.now().minus(TIMEOUT).minusSeconds(1));
		store.save(session);

		assertThat(exists(session.getId())).isFalse();
		assertThat(store.findById(session.getId())).isNull();
	}

	@Test
	void saveWhenDeletedByAnotherNodeMeanwhileThenNotBroughtBack() {
		RedisSessionStore store = newStore();
		String id = saved(store, "a", "1");
		RedisSessionStore.RedisSession session = store.findById(id);

		newStore().deleteById(id);
		session.setAttribute("b", "2");
		session.setLastAccessedTime(session.getLastAccessedTime().plus(Duration.ofMinutes(5)));
		store.save(session);
		store.save(session);

		assertThat(exists(id)).isFalse();
		assertThat(newStore().findById(id)).isNull();
	}

	@Test
	void saveWhenNothingChangedThenNothingWritten() {
		RedisSessionStore store = newStore();
		String id = saved(store, "a", "1");
		RedisSessionStore.RedisSession session = store.findById(id);
		// a write would bring the field back
		hdel(id, "sessionAttr:a");

		session.getAttribute("a");
		store.save(session);
		store.save(session);

		assertThat(hash(id)).doesNotContainKey("sessionAttr:a");
	}

	@Test
	void saveWhenOnlyTheLastAccessMovedLessThanTheGranularityThenNothingWritten() {
		RedisSessionStore store = newStore();
		String id = saved(store, "a", "1");
		RedisSessionStore.RedisSession session = store.findById(id);
		Instant stored = session.getLastAccessedTime();
		long storedExpiry = expireTime(id);

		session.setLastAccessedTime(stored.plus(RedisSessionStore.LAST_ACCESS_GRANULARITY).minusMillis(1));
		store.save(session);

		assertThat(hash(id).get("lastAccessedTime")).isEqualTo(stored.toEpochMilli());
		assertThat(expireTime(id)).isEqualTo(storedExpiry);
	}

	@Test
	void saveWhenTheLastAccessMovedTheGranularityThenWrittenAndTheExpiryFollows() {
		RedisSessionStore store = newStore();
		String id = saved(store, "a", "1");
		RedisSessionStore.RedisSession session = store.findById(id);
		Instant moved = session.getLastAccessedTime().plus(RedisSessionStore.LAST_ACCESS_GRANULARITY);

		session.setLastAccessedTime(moved);
		store.save(session);

		assertThat(hash(id).get("lastAccessedTime")).isEqualTo(moved.toEpochMilli());
		assertThat(expireTime(id)).isEqualTo(moved.toEpochMilli() + TIMEOUT.toMillis());
		assertThat(newStore().findById(id).<String>getAttribute("a")).isEqualTo("1");
	}

	@Test
	void saveWhenAnAttributeChangedThenTheLastAccessIsWrittenWithIt() {
		RedisSessionStore store = newStore();
		String id = saved(store, "a", "1");
		RedisSessionStore.RedisSession session = store.findById(id);
		Instant moved = session.getLastAccessedTime().plusSeconds(1);

		session.setLastAccessedTime(moved);
		session.setAttribute("a", "2");
		store.save(session);

		assertThat(hash(id).get("lastAccessedTime")).isEqualTo(moved.toEpochMilli());
		assertThat(expireTime(id)).isEqualTo(moved.toEpochMilli() + TIMEOUT.toMillis());
	}

	@Test
	void setAttributeWhenFlushModeImmediateThenWrittenAtOnce() {
		RedisSessionStore store = newStore(SaveMode.ON_SET_ATTRIBUTE, FlushMode.IMMEDIATE);
		RedisSessionStore.RedisSession session = store.createSession();
		assertThat(exists(session.getId())).as("a new session is written at once").isTrue();

		session.setAttribute("a", "1");

		assertThat(newStore().findById(session.getId()).<String>getAttribute("a")).isEqualTo("1");
	}

	@Test
	void saveWhenSaveModeAlwaysThenEveryAttributeWritten() {
		String id = saved(newStore(), "a", "1");
		RedisSessionStore store = newStore(SaveMode.ALWAYS, FlushMode.ON_SAVE);
		RedisSessionStore.RedisSession session = store.findById(id);
		hdel(id, "sessionAttr:a");

		store.save(session);

		assertThat(hash(id)).containsEntry("sessionAttr:a", "1");
	}

	@Test
	void saveWhenSaveModeOnGetAttributeThenTheAttributesReadWritten() {
		String id = saved(newStore(), "a", "1", "b", "2");
		RedisSessionStore store = newStore(SaveMode.ON_GET_ATTRIBUTE, FlushMode.ON_SAVE);
		RedisSessionStore.RedisSession session = store.findById(id);
		hdel(id, "sessionAttr:a");
		hdel(id, "sessionAttr:b");

		session.getAttribute("a");
		store.save(session);

		assertThat(hash(id)).containsEntry("sessionAttr:a", "1").doesNotContainKey("sessionAttr:b");
	}

	static SecurityContextImpl signedIn(String reader) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(reader, null,
				AuthorityUtils.createAuthorityList("ROLE_READER")));
	}

	/** A new session with these attributes (name, value, …), saved; its id. */
	static String saved(RedisSessionStore store, String... attributes) {
		RedisSessionStore.RedisSession session = store.createSession();
		for (int i = 0; i < attributes.length; i += 2) {
			session.setAttribute(attributes[i], attributes[i + 1]);
		}
		store.save(session);
		return session.getId();
	}

	String key(String id) {
		return namespace() + ":sessions:" + id;
	}

	/** The session's hash as stored, every value read as the store reads it. */
	Map<String, Object> hash(String id) {
		Map<String, Object> hash = new HashMap<>();
		try (RedisConnection connection = connections().getConnection()) {
			connection.hashCommands()
				.hGetAll(bytes(key(id)))
				.forEach((field, value) -> hash.put(new String(field, StandardCharsets.UTF_8),
						values().read(value)));
		}
		return hash;
	}

	boolean exists(String id) {
		try (RedisConnection connection = connections().getConnection()) {
			return Boolean.TRUE.equals(connection.keyCommands().exists(bytes(key(id))));
		}
	}

	void hset(String id, String field, Object value) {
		try (RedisConnection connection = connections().getConnection()) {
			connection.hashCommands().hSet(bytes(key(id)), bytes(field), values().write(value));
		}
	}

	void hsetRaw(String id, String field, byte[] value) {
		try (RedisConnection connection = connections().getConnection()) {
			connection.hashCommands().hSet(bytes(key(id)), bytes(field), value);
		}
	}

	byte[] rawField(String id, String field) {
		try (RedisConnection connection = connections().getConnection()) {
			return connection.hashCommands().hGet(bytes(key(id)), bytes(field));
		}
	}

	void hdel(String id, String field) {
		try (RedisConnection connection = connections().getConnection()) {
			connection.hashCommands().hDel(bytes(key(id)), bytes(field));
		}
	}

	/** PEXPIRETIME: when the key expires, epoch milliseconds (-1 none, -2 no key). */
	long expireTime(String id) {
		StringRedisTemplate redis = new StringRedisTemplate(connections());
		return redis.execute(EXPIRE_TIME, List.of(key(id)));
	}

	static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}

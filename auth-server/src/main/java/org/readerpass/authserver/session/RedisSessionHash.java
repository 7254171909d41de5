package org.readerpass.authserver.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.session.MapSession;
import org.springframework.session.data.redis.RedisSessionMapper;

/**
 * A session as Spring Session's stock {@code RedisSessionRepository} stores it, so that either
 * reads what the other wrote: one hash per session, fields {@value #CREATION_TIME} ({@code Long},
 * epoch milliseconds), {@value #LAST_ACCESSED_TIME} ({@code Long}), {@value #MAX_INACTIVE_INTERVAL}
 * ({@code Integer}, seconds) and {@value #ATTRIBUTE_PREFIX}{@code <name>} per attribute; field
 * names in UTF-8, values in JDK serialization (as the stock {@code RedisTemplate<String, Object>}
 * writes hash values) or, by default, in the compact form {@link SessionValues} has for the common
 * ones, which only this store reads. Times and timeout read back with Spring Session's own
 * {@link RedisSessionMapper}; attributes only when asked for.
 */
final class RedisSessionHash {

	static final String CREATION_TIME = "creationTime";

	static final String LAST_ACCESSED_TIME = "lastAccessedTime";

	static final String MAX_INACTIVE_INTERVAL = "maxInactiveInterval";

	static final String ATTRIBUTE_PREFIX = "sessionAttr:";

	private final SessionValues values;

	private final RedisSessionMapper mapper = new RedisSessionMapper();

	RedisSessionHash(SessionValues values) {
		this.values = values;
	}

	static String attributeField(String attributeName) {
		return ATTRIBUTE_PREFIX + attributeName;
	}

	/** A field name and its value, in the stored form, added to {@code fields}. */
	void add(List<byte[]> fields, String field, Object value) {
		fields.add(field(field));
		fields.add(this.values.write(value));
	}

	/**
	 * Every field of {@code session}, in the stored form (field, value, field, value, …), with the
	 * attributes never read since they were stored as they are ({@code unread}).
	 */
	List<byte[]> all(MapSession session, Map<String, byte[]> unread) {
		List<byte[]> fields = new ArrayList<>();
		add(fields, CREATION_TIME, session.getCreationTime().toEpochMilli());
		add(fields, LAST_ACCESSED_TIME, session.getLastAccessedTime().toEpochMilli());
		add(fields, MAX_INACTIVE_INTERVAL, (int) session.getMaxInactiveInterval().getSeconds());
		for (String name : session.getAttributeNames()) {
			add(fields, attributeField(name), session.getAttribute(name));
		}
		unread.forEach((name, stored) -> {
			fields.add(field(attributeField(name)));
			fields.add(stored);
		});
		return fields;
	}

	static byte[] field(String field) {
		return field.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A session as read: its times and timeout in {@code session} (no attributes), its attributes
	 * still in their stored form, to be read when asked for ({@link #value}).
	 */
	record Stored(MapSession session, Map<String, byte[]> attributes) {
	}

	/**
	 * The session a non-empty hash holds. A value that is empty (the stock repository's mark of a
	 * removed attribute) is no attribute. Throws {@link IllegalStateException} when a required
	 * field is missing, and Spring's {@code SerializationException} when one of them cannot be read.
	 */
	Stored read(String id, Map<byte[], byte[]> hash) {
		Map<String, Object> entries = new HashMap<>();
		Map<String, byte[]> attributes = new HashMap<>();
		hash.forEach((field, value) -> {
			String name = new String(field, StandardCharsets.UTF_8);
			if (!name.startsWith(ATTRIBUTE_PREFIX)) {
				entries.put(name, this.values.read(value));
			}
			else if (value != null && value.length > 0) {
				attributes.put(name.substring(ATTRIBUTE_PREFIX.length()), value);
			}
		});
		return new Stored(this.mapper.apply(id, entries), attributes);
	}

	/** An attribute's value from its stored form; Spring's {@code SerializationException} when it cannot be read. */
	Object value(byte[] stored) {
		return this.values.read(stored);
	}

}

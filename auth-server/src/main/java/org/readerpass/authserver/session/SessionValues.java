package org.readerpass.authserver.session;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.readerpass.authserver.authorization.CompactBytes;
import org.readerpass.authserver.authorization.CompactBytes.In;
import org.readerpass.authserver.authorization.CompactBytes.Out;
import org.readerpass.authserver.authorization.CompactBytes.Unencodable;
import org.readerpass.authserver.authorization.CompactForm;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * A session's values as stored in Redis: Java serialization, as Spring Session's stock repository
 * writes them, or a compact form for what a reader's session holds on every login — its times
 * ({@code Long}, {@code Integer}), strings (the saved request), the CSRF token and the security
 * context of a reader (its authentication in the {@link CompactForm} its package declares, as in
 * stored authorizations). A compact value starts with a tag below {@code 0xAC}, the first byte of
 * every Java serialization stream, so both read back whatever was written; what has no compact
 * form is written with Java serialization in either format. The bytes are {@link CompactBytes}',
 * as in stored authorizations: 3 to ~100 a value where Java serialization takes 81 to 1,290, read
 * and written without reflection (the JDK's serialization of sessions was ~5 % of a login's
 * request-thread CPU).
 */
final class SessionValues {

	/** Java serialization's stream magic ({@code 0xACED}) starts with this byte. */
	private static final int JAVA_STREAM = 0xAC;

	private static final int LONG = 1;

	private static final int INTEGER = 2;

	private static final int STRING = 3;

	private static final int CSRF_TOKEN = 4;

	private static final int SECURITY_CONTEXT = 5;

	/** What a session's values are written in: the compact form where there is one, or Java serialization only. */
	enum Format {

		/** The compact form where there is one: the default. */
		COMPACT,

		/** Java serialization only, as the stock repository and releases before 2026-12-05 read. */
		JAVA;

		/** {@code compact} or {@code java}, from {@code readerpass.redis.session-format}. */
		static Format of(String format) {
			return switch (format.trim().toLowerCase(Locale.ROOT)) {
				case "compact" -> COMPACT;
				case "java" -> JAVA;
				default -> throw new IllegalStateException(
						"readerpass.redis.session-format must be compact or java, not '" + format + "'");
			};
		}

	}

	private final RedisSerializer<Object> java;

	private final Format format;

	private final Map<Class<?>, CompactForm<?>> formsByType = new HashMap<>();

	private final Map<String, CompactForm<?>> formsByName = new HashMap<>();

	SessionValues(ClassLoader classLoader, Format format, List<CompactForm<?>> forms) {
		this.java = new JdkSerializationRedisSerializer(classLoader);
		this.format = format;
		for (CompactForm<?> form : forms) {
			if (this.formsByType.put(form.type(), form) != null || this.formsByName.put(form.name(), form) != null) {
				throw new IllegalArgumentException("two compact forms for " + form.type() + " or named " + form.name());
			}
		}
	}

	/** Java serialization only, as the stock repository writes. */
	static SessionValues java(ClassLoader classLoader) {
		return new SessionValues(classLoader, Format.JAVA, List.of());
	}

	/** The stored form of {@code value}; Spring's {@link SerializationException} when it has none. */
	byte[] write(Object value) {
		if (this.format == Format.COMPACT && value != null) {
			byte[] compact = compact(value);
			if (compact != null) {
				return compact;
			}
		}
		return this.java.serialize(value);
	}

	/** The value {@code stored} holds; Spring's {@link SerializationException} when it holds none. */
	Object read(byte[] stored) {
		if (stored == null || stored.length == 0 || (stored[0] & 0xFF) == JAVA_STREAM) {
			return this.java.deserialize(stored);
		}
		try {
			In in = new In(stored, 0);
			Object value = readCompact(in);
			if (!in.atEnd()) {
				throw new IllegalArgumentException("bytes after the value's end");
			}
			return value;
		}
		catch (RuntimeException ex) { // garbage or tampered bytes: no value, never another exception
			throw new SerializationException("an unreadable session value: " + ex.getMessage(), ex);
		}
	}

	private byte[] compact(Object value) {
		Out out = new Out(64);
		try {
			Class<?> type = value.getClass();
			if (type == Long.class) {
				out.tag(LONG);
				out.zigzag((Long) value);
			}
			else if (type == Integer.class) {
				out.tag(INTEGER);
				out.zigzag((Integer) value);
			}
			else if (type == String.class) {
				out.tag(STRING);
				out.string((String) value);
			}
			else if (type == DefaultCsrfToken.class) {
				DefaultCsrfToken token = (DefaultCsrfToken) value;
				out.tag(CSRF_TOKEN);
				out.string(token.getHeaderName()); // never null: DefaultCsrfToken asserts each has length
				out.string(token.getParameterName());
				out.string(token.getToken());
			}
			else if (type == SecurityContextImpl.class) {
				Authentication authentication = ((SecurityContextImpl) value).getAuthentication();
				CompactForm<?> form = (authentication != null) ? this.formsByType.get(authentication.getClass()) : null;
				if (form == null || !writeForm(form, authentication, out)) {
					return null;
				}
			}
			else {
				return null;
			}
			return out.toByteArray();
		}
		catch (Unencodable ex) { // a string UTF-8 would not give back
			return null;
		}
	}

	private static <T> boolean writeForm(CompactForm<T> form, Object value, Out out) {
		T typed = form.type().cast(value);
		if (!form.writes(typed)) {
			return false;
		}
		out.tag(SECURITY_CONTEXT);
		out.string(form.name());
		form.write(typed, out);
		return true;
	}

	private Object readCompact(In in) {
		int tag = in.tag();
		return switch (tag) {
			case LONG -> in.zigzag();
			case INTEGER -> {
				long value = in.zigzag();
				if (value != (int) value) {
					throw new IllegalArgumentException("an integer out of range");
				}
				yield (int) value;
			}
			case STRING -> required(in.string());
			case CSRF_TOKEN -> new DefaultCsrfToken(required(in.string()), required(in.string()), required(in.string()));
			case SECURITY_CONTEXT -> {
				String name = required(in.string());
				CompactForm<?> form = this.formsByName.get(name);
				if (form == null) {
					throw new IllegalArgumentException("no compact form named " + name);
				}
				yield new SecurityContextImpl((Authentication) form.read(in));
			}
			default -> throw new IllegalArgumentException("unknown tag " + tag);
		};
	}

	/** A string these values never hold as null (the byte layout can say null). */
	private static String required(String value) {
		if (value == null) {
			throw new IllegalArgumentException("a null where a string must be");
		}
		return value;
	}

}

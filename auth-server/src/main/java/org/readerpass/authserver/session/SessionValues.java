package org.readerpass.authserver.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
 * form is written with Java serialization in either format. Compact values are ~30 to 60 bytes
 * where Java serialization takes 80 to 900, and read and written without reflection: the JDK's
 * serialization of sessions was ~5 % of a login's request-thread CPU.
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
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored));
		try {
			Object value = readCompact(in);
			if (in.available() > 0) {
				throw new SerializationException("a session value with bytes after its end");
			}
			return value;
		}
		catch (IOException | RuntimeException ex) { // garbage or tampered bytes: no value, never another exception
			throw new SerializationException("an unreadable session value: " + ex.getMessage(), ex);
		}
	}

	private byte[] compact(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
		DataOutputStream out = new DataOutputStream(bytes);
		try {
			Class<?> type = value.getClass();
			if (type == Long.class) {
				out.writeByte(LONG);
				out.writeLong((Long) value);
			}
			else if (type == Integer.class) {
				out.writeByte(INTEGER);
				out.writeInt((Integer) value);
			}
			else if (type == String.class && writable((String) value)) {
				out.writeByte(STRING);
				string(out, (String) value);
			}
			else if (type == DefaultCsrfToken.class && csrfToken((DefaultCsrfToken) value)) {
				DefaultCsrfToken token = (DefaultCsrfToken) value;
				out.writeByte(CSRF_TOKEN);
				string(out, token.getHeaderName());
				string(out, token.getParameterName());
				string(out, token.getToken());
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
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // not from a byte array
		}
	}

	private static <T> boolean writeForm(CompactForm<T> form, Object value, DataOutputStream out) throws IOException {
		T typed = form.type().cast(value);
		if (!form.writes(typed)) {
			return false;
		}
		FieldWriter fields = new FieldWriter();
		form.write(typed, fields);
		if (!fields.writable) {
			return false;
		}
		out.writeByte(SECURITY_CONTEXT);
		string(out, form.name());
		out.write(fields.bytes.toByteArray());
		return true;
	}

	private Object readCompact(DataInputStream in) throws IOException {
		int tag = in.readUnsignedByte();
		return switch (tag) {
			case LONG -> in.readLong();
			case INTEGER -> in.readInt();
			case STRING -> string(in);
			case CSRF_TOKEN -> new DefaultCsrfToken(string(in), string(in), string(in));
			case SECURITY_CONTEXT -> {
				String name = string(in);
				CompactForm<?> form = this.formsByName.get(name);
				if (form == null) {
					throw new IllegalArgumentException("no compact form named " + name);
				}
				yield new SecurityContextImpl((Authentication) form.read(new FieldReader(in)));
			}
			default -> throw new IllegalArgumentException("unknown tag " + tag);
		};
	}

	private static boolean csrfToken(DefaultCsrfToken token) {
		return writable(token.getHeaderName()) && writable(token.getParameterName()) && writable(token.getToken());
	}

	/** Whether UTF-8 gives {@code text} back: not when it is null or holds a lone surrogate. */
	private static boolean writable(String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	private static void string(DataOutputStream out, String text) throws IOException {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static String string(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			throw new IllegalArgumentException("a string longer than the value");
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	/** A form's fields, each nullable: a presence byte, then the field. */
	private static final class FieldWriter implements CompactForm.Writer {

		final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

		final DataOutputStream out = new DataOutputStream(this.bytes);

		boolean writable = true;

		@Override
		public void string(String value) {
			try {
				this.out.writeBoolean(value != null);
				if (value != null) {
					this.writable &= writable(value);
					SessionValues.string(this.out, value);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void uuid(UUID value) {
			try {
				this.out.writeBoolean(value != null);
				if (value != null) {
					this.out.writeLong(value.getMostSignificantBits());
					this.out.writeLong(value.getLeastSignificantBits());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void instant(Instant value) {
			try {
				this.out.writeBoolean(value != null);
				if (value != null) {
					this.out.writeLong(value.getEpochSecond());
					this.out.writeInt(value.getNano());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** A form's fields read back; {@link IllegalArgumentException} past the value's end. */
	private static final class FieldReader implements CompactForm.Reader {

		private final DataInputStream in;

		FieldReader(DataInputStream in) {
			this.in = in;
		}

		@Override
		public String string() {
			try {
				return this.in.readBoolean() ? SessionValues.string(this.in) : null;
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("a field past the value's end", ex);
			}
		}

		@Override
		public UUID uuid() {
			try {
				return this.in.readBoolean() ? new UUID(this.in.readLong(), this.in.readLong()) : null;
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("a field past the value's end", ex);
			}
		}

		@Override
		public Instant instant() {
			try {
				return this.in.readBoolean() ? Instant.ofEpochSecond(this.in.readLong(), this.in.readInt()) : null;
			}
			catch (IOException | java.time.DateTimeException ex) {
				throw new IllegalArgumentException("an unreadable time", ex);
			}
		}

	}

}

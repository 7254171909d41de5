package org.readerpass.authserver.authorization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponseType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/**
 * An authorization in a compact binary form: its fields, tokens and attributes written one by one
 * (length-prefixed UTF-8 strings, variable-length integers, a tag before each value), instead of
 * Java serialization's class descriptors and reflection. The values an authorization holds on the
 * common paths have a tag of their own: strings, booleans, numbers, instants, dates, URLs, URIs,
 * UUIDs, lists, sets and maps with string keys (mutable or not, as written), the authorization
 * request, the six kinds of token, and the types other packages give a {@link CompactForm} (a
 * reader's authentication). Anything else (a client's own
 * claim of another type, another kind of authentication) is written with Java serialization in its
 * place and read back through the codec's allow-list, so every authorization round-trips.
 *
 * <p>
 * Reading never instantiates a class outside those tags and the allow-list; lengths are checked
 * against the bytes left and nesting is limited, so bad bytes fail with
 * {@link IllegalArgumentException} and never allocate beyond their own size.
 */
final class CompactAuthorizations {

	private static final int MAX_DEPTH = 20;

	// values
	private static final int NULL = 0;

	private static final int STRING = 1;

	private static final int TRUE = 2;

	private static final int FALSE = 3;

	private static final int INT = 4;

	private static final int LONG = 5;

	private static final int DOUBLE = 6;

	private static final int INSTANT = 7;

	private static final int DATE = 8;

	private static final int URL_VALUE = 9;

	private static final int URI_VALUE = 10;

	private static final int UUID_VALUE = 11;

	private static final int LIST = 12;

	private static final int MUTABLE_LIST = 13;

	private static final int SET = 14;

	private static final int MUTABLE_SET = 15;

	private static final int MAP = 16;

	private static final int MUTABLE_MAP = 17;

	private static final int AUTHORIZATION_REQUEST = 18;

	private static final int FORM = 19;

	private static final int SERIALIZED = 20;

	// tokens
	private static final int CODE = 1;

	private static final int ACCESS_TOKEN = 2;

	private static final int REFRESH_TOKEN = 3;

	private static final int ID_TOKEN = 4;

	private static final int DEVICE_CODE = 5;

	private static final int USER_CODE = 6;

	/** The kinds of token the authorization server issues, each with its tag above. */
	private static final List<Class<? extends OAuth2Token>> KINDS = List.of(OAuth2AuthorizationCode.class,
			OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class, OAuth2DeviceCode.class,
			OAuth2UserCode.class);

	private final ObjectInputFilter filter;

	private final Map<Class<?>, CompactForm<?>> formsByType = new HashMap<>();

	private final Map<String, CompactForm<?>> formsByName = new HashMap<>();

	/**
	 * @param filter what a value written with Java serialization may instantiate when read
	 * @param forms the compact forms of other packages' types
	 */
	CompactAuthorizations(ObjectInputFilter filter, List<CompactForm<?>> forms) {
		this.filter = filter;
		for (CompactForm<?> form : forms) {
			if (this.formsByType.put(form.type(), form) != null || this.formsByName.put(form.name(), form) != null) {
				throw new IllegalStateException("Two compact forms for " + form.type() + " or named " + form.name());
			}
		}
	}

	/** Appends {@code authorization} to {@code out}. */
	void write(OAuth2Authorization authorization, Out out) {
		out.string(authorization.getId());
		out.string(authorization.getRegisteredClientId());
		out.string(authorization.getPrincipalName());
		out.string(authorization.getAuthorizationGrantType().getValue());
		out.strings(authorization.getAuthorizedScopes());
		List<OAuth2Authorization.Token<?>> tokens = tokens(authorization);
		out.varint(tokens.size());
		for (OAuth2Authorization.Token<?> token : tokens) {
			writeToken(token.getToken(), out);
			writeEntries(token.getMetadata(), out, 0);
		}
		writeEntries(authorization.getAttributes(), out, 0);
	}

	/** The authorization {@link #write} wrote from {@code in}'s position; {@link IllegalArgumentException} when unreadable. */
	OAuth2Authorization read(In in) {
		String id = in.string();
		Builder builder = new Builder(in.string());
		builder.id(id);
		builder.principalName(in.string());
		builder.authorizationGrantType(new AuthorizationGrantType(in.string()));
		builder.authorizedScopes(in.strings());
		int tokens = in.count(2);
		for (int i = 0; i < tokens; i++) {
			OAuth2Token token = readToken(in);
			Map<String, Object> metadata = readEntries(in, new LinkedHashMap<>(), 0);
			builder.token(token, (defaults) -> {
				defaults.clear();
				defaults.putAll(metadata);
			});
		}
		Map<String, Object> attributes = readEntries(in, new LinkedHashMap<>(), 0);
		builder.attributes((all) -> all.putAll(attributes));
		if (!in.atEnd()) {
			throw new IllegalArgumentException("bytes after the authorization");
		}
		return builder.build();
	}

	/** The authorization's tokens, by the kinds the authorization server keeps. */
	private static List<OAuth2Authorization.Token<?>> tokens(OAuth2Authorization authorization) {
		// OAuth2Authorization does not list its tokens: ask for each kind the authorization server
		// issues, then make sure there is no other (its map of tokens is private)
		List<OAuth2Authorization.Token<?>> tokens = new ArrayList<>(4);
		for (Class<? extends OAuth2Token> kind : KINDS) {
			OAuth2Authorization.Token<?> token = authorization.getToken(kind);
			if (token != null) {
				tokens.add(token);
			}
		}
		if (!Known.onlyKnownTokens(authorization)) {
			throw new Unencodable();
		}
		return tokens;
	}

	private void writeToken(OAuth2Token token, Out out) {
		Class<?> type = token.getClass();
		if (type == OAuth2AuthorizationCode.class) {
			out.tag(CODE);
		}
		else if (type == OAuth2AccessToken.class) {
			OAuth2AccessToken access = (OAuth2AccessToken) token;
			out.tag(ACCESS_TOKEN);
			out.string(access.getTokenType().getValue());
			out.strings(access.getScopes());
		}
		else if (type == OAuth2RefreshToken.class) {
			out.tag(REFRESH_TOKEN);
		}
		else if (type == OidcIdToken.class) {
			out.tag(ID_TOKEN);
			writeEntries(((OidcIdToken) token).getClaims(), out, 0);
		}
		else if (type == OAuth2DeviceCode.class) {
			out.tag(DEVICE_CODE);
		}
		else if (type == OAuth2UserCode.class) {
			out.tag(USER_CODE);
		}
		else {
			throw new Unencodable();
		}
		out.string(token.getTokenValue());
		out.instant(token.getIssuedAt());
		out.instant(token.getExpiresAt());
	}

	private OAuth2Token readToken(In in) {
		int tag = in.tag();
		String tokenType = null;
		Set<String> scopes = null;
		Map<String, Object> claims = null;
		switch (tag) {
			case ACCESS_TOKEN -> {
				tokenType = in.string();
				scopes = in.strings();
			}
			case ID_TOKEN -> claims = readEntries(in, new LinkedHashMap<>(), 0);
			case CODE, REFRESH_TOKEN, DEVICE_CODE, USER_CODE -> {
			}
			default -> throw new IllegalArgumentException("unknown token kind " + tag);
		}
		String value = in.string();
		Instant issuedAt = in.instant();
		Instant expiresAt = in.instant();
		return switch (tag) {
			case CODE -> new OAuth2AuthorizationCode(value, issuedAt, expiresAt);
			case ACCESS_TOKEN -> new OAuth2AccessToken(accessTokenType(tokenType), value, issuedAt, expiresAt, scopes);
			case REFRESH_TOKEN -> new OAuth2RefreshToken(value, issuedAt, expiresAt);
			case ID_TOKEN -> new OidcIdToken(value, issuedAt, expiresAt, claims);
			case DEVICE_CODE -> new OAuth2DeviceCode(value, issuedAt, expiresAt);
			default -> new OAuth2UserCode(value, issuedAt, expiresAt);
		};
	}

	private static OAuth2AccessToken.TokenType accessTokenType(String value) {
		if (OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase(value)) {
			return OAuth2AccessToken.TokenType.BEARER;
		}
		if (OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(value)) {
			return OAuth2AccessToken.TokenType.DPOP;
		}
		throw new IllegalArgumentException("unknown access token type");
	}

	private void writeEntries(Map<String, Object> map, Out out, int depth) {
		out.varint(map.size());
		for (Map.Entry<String, Object> entry : map.entrySet()) {
			out.string(entry.getKey());
			writeValue(entry.getValue(), out, depth + 1);
		}
	}

	private Map<String, Object> readEntries(In in, Map<String, Object> into, int depth) {
		int size = in.count(2);
		for (int i = 0; i < size; i++) {
			String key = in.string();
			if (key == null) {
				throw new IllegalArgumentException("a null key");
			}
			into.put(key, readValue(in, depth + 1));
		}
		return into;
	}

	@SuppressWarnings("unchecked")
	private void writeValue(Object value, Out out, int depth) {
		if (depth > MAX_DEPTH) {
			throw new Unencodable();
		}
		if (value == null) {
			out.tag(NULL);
			return;
		}
		Class<?> type = value.getClass();
		if (type == String.class) {
			out.tag(STRING);
			out.string((String) value);
		}
		else if (type == Boolean.class) {
			out.tag(((Boolean) value) ? TRUE : FALSE);
		}
		else if (type == Integer.class) {
			out.tag(INT);
			out.zigzag((Integer) value);
		}
		else if (type == Long.class) {
			out.tag(LONG);
			out.zigzag((Long) value);
		}
		else if (type == Double.class) {
			out.tag(DOUBLE);
			out.fixed64(Double.doubleToRawLongBits((Double) value));
		}
		else if (type == Instant.class) {
			out.tag(INSTANT);
			out.instant((Instant) value);
		}
		else if (type == Date.class) {
			out.tag(DATE);
			out.zigzag(((Date) value).getTime());
		}
		else if (type == URL.class) {
			out.tag(URL_VALUE);
			out.string(((URL) value).toExternalForm());
		}
		else if (type == URI.class) {
			out.tag(URI_VALUE);
			out.string(value.toString());
		}
		else if (type == UUID.class) {
			out.tag(UUID_VALUE);
			out.fixed64(((UUID) value).getMostSignificantBits());
			out.fixed64(((UUID) value).getLeastSignificantBits());
		}
		else if (value instanceof List<?> list && Known.list(type)) {
			out.tag((type == ArrayList.class) ? MUTABLE_LIST : LIST);
			writeElements(list, out, depth);
		}
		else if (value instanceof Set<?> set && Known.set(type)) {
			out.tag((type == LinkedHashSet.class || type == HashSet.class) ? MUTABLE_SET : SET);
			writeElements(set, out, depth);
		}
		else if (value instanceof Map<?, ?> map && Known.map(type) && Known.stringKeys(map)) {
			out.tag((type == LinkedHashMap.class || type == HashMap.class) ? MUTABLE_MAP : MAP);
			writeEntries((Map<String, Object>) map, out, depth);
		}
		else if (type == OAuth2AuthorizationRequest.class && Known.authorizationRequest((OAuth2AuthorizationRequest) value)) {
			OAuth2AuthorizationRequest request = (OAuth2AuthorizationRequest) value;
			out.tag(AUTHORIZATION_REQUEST);
			out.string(request.getAuthorizationUri());
			out.string(request.getClientId());
			out.string(request.getRedirectUri());
			out.strings(request.getScopes());
			out.string(request.getState());
			writeEntries(request.getAdditionalParameters(), out, depth);
			writeEntries(request.getAttributes(), out, depth);
			out.string(request.getAuthorizationRequestUri());
		}
		else if (!writeForm(this.formsByType.get(type), value, out)) {
			out.tag(SERIALIZED);
			out.bytes(serialize(value));
		}
	}

	/** Writes {@code value} in {@code form} when there is one and it takes the value exactly. */
	@SuppressWarnings("unchecked")
	private static <T> boolean writeForm(CompactForm<T> form, Object value, Out out) {
		if (form == null) {
			return false;
		}
		T typed = (T) value;
		if (!form.writes(typed)) {
			return false;
		}
		out.tag(FORM);
		out.string(form.name());
		form.write(typed, out);
		return true;
	}

	private void writeElements(Collection<?> elements, Out out, int depth) {
		out.varint(elements.size());
		for (Object element : elements) {
			writeValue(element, out, depth + 1);
		}
	}

	private Object readValue(In in, int depth) {
		if (depth > MAX_DEPTH) {
			throw new IllegalArgumentException("nested too deep");
		}
		int tag = in.tag();
		return switch (tag) {
			case NULL -> null;
			case STRING -> in.string();
			case TRUE -> Boolean.TRUE;
			case FALSE -> Boolean.FALSE;
			case INT -> Math.toIntExact(in.zigzag());
			case LONG -> in.zigzag();
			case DOUBLE -> Double.longBitsToDouble(in.fixed64());
			case INSTANT -> in.instant();
			case DATE -> new Date(in.zigzag());
			case URL_VALUE -> url(in.string());
			case URI_VALUE -> URI.create(in.string());
			case UUID_VALUE -> new UUID(in.fixed64(), in.fixed64());
			case LIST, MUTABLE_LIST -> {
				List<Object> list = readElements(in, new ArrayList<>(), depth);
				yield (tag == LIST) ? Collections.unmodifiableList(list) : list;
			}
			case SET, MUTABLE_SET -> {
				Set<Object> set = readElements(in, new LinkedHashSet<>(), depth);
				yield (tag == SET) ? Collections.unmodifiableSet(set) : set;
			}
			case MAP, MUTABLE_MAP -> {
				Map<String, Object> map = readEntries(in, new LinkedHashMap<>(), depth);
				yield (tag == MAP) ? Collections.unmodifiableMap(map) : map;
			}
			case AUTHORIZATION_REQUEST -> OAuth2AuthorizationRequest.authorizationCode()
				.authorizationUri(in.string())
				.clientId(in.string())
				.redirectUri(in.string())
				.scopes(in.strings())
				.state(in.string())
				.additionalParameters(readEntries(in, new LinkedHashMap<>(), depth))
				.attributes(readEntries(in, new LinkedHashMap<>(), depth))
				.authorizationRequestUri(in.string())
				.build();
			case FORM -> {
				String name = in.string();
				CompactForm<?> form = (name != null) ? this.formsByName.get(name) : null;
				if (form == null) {
					throw new IllegalArgumentException("no compact form named " + name);
				}
				yield form.read(in);
			}
			case SERIALIZED -> deserialize(in.bytes());
			default -> throw new IllegalArgumentException("unknown value tag " + tag);
		};
	}

	private <C extends Collection<Object>> C readElements(In in, C into, int depth) {
		int size = in.count(1);
		for (int i = 0; i < size; i++) {
			into.add(readValue(in, depth + 1));
		}
		return into;
	}

	private static URL url(String value) {
		try {
			return URI.create(value).toURL();
		}
		catch (java.net.MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a URL", ex);
		}
	}

	private static byte[] serialize(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Authorization value not serializable: " + ex.getMessage(), ex);
		}
		return bytes.toByteArray();
	}

	private Object deserialize(byte[] bytes) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			in.setObjectInputFilter(this.filter);
			return in.readObject();
		}
		catch (IOException | ClassNotFoundException ex) {
			throw new IllegalArgumentException("a serialized value not readable", ex);
		}
	}

	/** Thrown while writing when the authorization holds what this form cannot carry; the codec then uses Java serialization. */
	static final class Unencodable extends RuntimeException {

		Unencodable() {
			super(null, null, false, false);
		}

	}

	/** What has a compact form of its own. */
	private static final class Known {

		private static final Set<Class<?>> LISTS = classes(new ArrayList<>(), List.of(),
				List.of(1), List.of(1, 2, 3), Collections.singletonList(1),
				Collections.emptyList(), Collections.unmodifiableList(new ArrayList<>()),
				Collections.unmodifiableList(new java.util.LinkedList<>()));

		private static final Set<Class<?>> SETS = classes(new LinkedHashSet<>(), new HashSet<>(), Set.of(),
				Set.of(1), Set.of(1, 2, 3), Collections.singleton(1),
				Collections.emptySet(), Collections.unmodifiableSet(new HashSet<>()));

		private static final Set<Class<?>> MAPS = classes(new LinkedHashMap<>(), new HashMap<>(), Map.of(),
				Map.of(1, 1), Map.of(1, 1, 2, 2), Collections.singletonMap(1, 1),
				Collections.emptyMap(), Collections.unmodifiableMap(new HashMap<>()));

		private Known() {
		}

		/** The classes of these instances (some are the same class: {@code List.of()} and {@code List.of(1, 2, 3)}). */
		private static Set<Class<?>> classes(Object... instances) {
			Set<Class<?>> classes = new HashSet<>();
			for (Object instance : instances) {
				classes.add(instance.getClass());
			}
			return Set.copyOf(classes);
		}

		static boolean list(Class<?> type) {
			return LISTS.contains(type);
		}

		static boolean set(Class<?> type) {
			return SETS.contains(type);
		}

		static boolean map(Class<?> type) {
			return MAPS.contains(type);
		}

		static boolean stringKeys(Map<?, ?> map) {
			for (Object key : map.keySet()) {
				if (!(key instanceof String)) {
					return false;
				}
			}
			return true;
		}

		/** A code request as the authorization server builds it: its builder rebuilds it exactly. */
		static boolean authorizationRequest(OAuth2AuthorizationRequest request) {
			return AuthorizationGrantType.AUTHORIZATION_CODE.equals(request.getGrantType())
					&& OAuth2AuthorizationResponseType.CODE.equals(request.getResponseType())
					&& request.getAuthorizationRequestUri() != null;
		}

		/**
		 * Whether the authorization has no token but those of {@link #KINDS}: its equality with a
		 * copy that keeps only those tokens (tokens are part of {@link OAuth2Authorization#equals}).
		 */
		static boolean onlyKnownTokens(OAuth2Authorization authorization) {
			Builder copy = new Builder(authorization.getRegisteredClientId());
			copy.id(authorization.getId())
				.principalName(authorization.getPrincipalName())
				.authorizationGrantType(authorization.getAuthorizationGrantType())
				.authorizedScopes(authorization.getAuthorizedScopes())
				.attributes((attributes) -> attributes.putAll(authorization.getAttributes()));
			for (Class<? extends OAuth2Token> kind : KINDS) {
				OAuth2Authorization.Token<?> token = authorization.getToken(kind);
				if (token != null) {
					copy.token(token.getToken(), (metadata) -> {
						metadata.clear();
						metadata.putAll(token.getMetadata());
					});
				}
			}
			return copy.build().equals(authorization);
		}

	}

	/** Builds an authorization from its client's id (the stock builder asks for the whole client). */
	private static final class Builder extends OAuth2Authorization.Builder {

		Builder(String registeredClientId) {
			super(registeredClientId);
		}

	}

	/** A growing byte buffer. */
	static final class Out implements CompactForm.Writer {

		private byte[] bytes;

		private int size;

		Out(int capacity) {
			this.bytes = new byte[capacity];
		}

		byte[] toByteArray() {
			return Arrays.copyOf(this.bytes, this.size);
		}

		void raw(byte[] values) {
			ensure(values.length);
			System.arraycopy(values, 0, this.bytes, this.size, values.length);
			this.size += values.length;
		}

		void tag(int tag) {
			ensure(1);
			this.bytes[this.size++] = (byte) tag;
		}

		void varint(long value) {
			ensure(10);
			long rest = value;
			while ((rest & ~0x7FL) != 0) {
				this.bytes[this.size++] = (byte) ((rest & 0x7F) | 0x80);
				rest >>>= 7;
			}
			this.bytes[this.size++] = (byte) rest;
		}

		void zigzag(long value) {
			varint((value << 1) ^ (value >> 63));
		}

		void fixed64(long value) {
			ensure(8);
			for (int shift = 56; shift >= 0; shift -= 8) {
				this.bytes[this.size++] = (byte) (value >>> shift);
			}
		}

		/** A string, or null: its UTF-8 length plus one (0 for null), then the bytes. */
		@Override
		public void string(String value) {
			if (value == null) {
				varint(0);
				return;
			}
			if (!wellFormed(value)) {
				throw new Unencodable(); // UTF-8 would replace a lone surrogate; Java serialization keeps it
			}
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			varint(utf8.length + 1L);
			raw(utf8);
		}

		/** Whether every surrogate in {@code value} is half of a pair. */
		private static boolean wellFormed(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (Character.isHighSurrogate(c) && i + 1 < value.length()
						&& Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
				}
				else if (Character.isSurrogate(c)) {
					return false;
				}
			}
			return true;
		}

		void strings(Set<String> values) {
			varint(values.size());
			for (String value : values) {
				if (value == null) {
					throw new Unencodable();
				}
				string(value);
			}
		}

		void bytes(byte[] values) {
			varint(values.length);
			raw(values);
		}

		/** An instant, or null: 0, or 1 then its seconds and nanoseconds. */
		@Override
		public void instant(Instant value) {
			if (value == null) {
				tag(0);
				return;
			}
			tag(1);
			zigzag(value.getEpochSecond());
			varint(value.getNano());
		}

		@Override
		public void uuid(UUID value) {
			if (value == null) {
				tag(0);
				return;
			}
			tag(1);
			fixed64(value.getMostSignificantBits());
			fixed64(value.getLeastSignificantBits());
		}

		private void ensure(int more) {
			if (this.size + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + more));
			}
		}

	}

	/** Reads what {@link Out} wrote, checking every length against the bytes left. */
	static final class In implements CompactForm.Reader {

		private final byte[] bytes;

		private int position;

		private final int end;

		In(byte[] bytes, int offset) {
			this.bytes = bytes;
			this.position = offset;
			this.end = bytes.length;
		}

		boolean atEnd() {
			return this.position == this.end;
		}

		int tag() {
			need(1);
			return this.bytes[this.position++] & 0xFF;
		}

		long varint() {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				int b = tag();
				value |= (long) (b & 0x7F) << shift;
				if ((b & 0x80) == 0) {
					return value;
				}
			}
			throw new IllegalArgumentException("a malformed number");
		}

		/** A count of things, each of which takes at least {@code minimumBytes}: never more than the bytes left allow. */
		int count(int minimumBytes) {
			long count = varint();
			if (count < 0 || count > (long) (this.end - this.position) / minimumBytes) {
				throw new IllegalArgumentException("a count beyond the bytes left");
			}
			return (int) count;
		}

		long zigzag() {
			long raw = varint();
			return (raw >>> 1) ^ -(raw & 1);
		}

		long fixed64() {
			need(8);
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (this.bytes[this.position++] & 0xFF);
			}
			return value;
		}

		@Override
		public String string() {
			long length = varint();
			if (length == 0) {
				return null;
			}
			int bytes = length(length - 1);
			String value = new String(this.bytes, this.position, bytes, StandardCharsets.UTF_8);
			this.position += bytes;
			return value;
		}

		Set<String> strings() {
			int size = count(1);
			Set<String> values = new LinkedHashSet<>();
			for (int i = 0; i < size; i++) {
				String value = string();
				if (value == null) {
					throw new IllegalArgumentException("a null in a set of strings");
				}
				values.add(value);
			}
			return values;
		}

		byte[] bytes() {
			int length = length(varint());
			byte[] value = Arrays.copyOfRange(this.bytes, this.position, this.position + length);
			this.position += length;
			return value;
		}

		@Override
		public Instant instant() {
			if (tag() == 0) {
				return null;
			}
			long seconds = zigzag();
			long nanos = varint();
			if (nanos < 0 || nanos > 999_999_999L) {
				throw new IllegalArgumentException("a malformed instant");
			}
			return Instant.ofEpochSecond(seconds, nanos);
		}

		@Override
		public UUID uuid() {
			return (tag() == 0) ? null : new UUID(fixed64(), fixed64());
		}

		private int length(long length) {
			if (length < 0 || length > this.end - this.position) {
				throw new IllegalArgumentException("a length beyond the bytes left");
			}
			return (int) length;
		}

		private void need(int count) {
			if (this.end - this.position < count) {
				throw new IllegalArgumentException("the bytes end early");
			}
		}

	}

}

package org.readerpass.authserver.authorization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
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

import org.readerpass.authserver.authorization.CompactBytes.In;
import org.readerpass.authserver.authorization.CompactBytes.Out;
import org.readerpass.authserver.authorization.CompactBytes.Unencodable;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponseType;

/**
 * The values of {@link CompactAuthorizations} (claims, metadata, attributes), each behind a tag:
 * strings, booleans, numbers, instants, dates, URLs, URIs, UUIDs, lists, sets and maps with string
 * keys (mutable or not, as written), the authorization request, and the types other packages give a
 * {@link CompactForm} (a reader's authentication). Anything else is written with Java serialization
 * in its place and read back through the codec's allow-list. Nesting is limited to
 * {@value #MAX_DEPTH}.
 */
final class CompactValues {

	private static final int MAX_DEPTH = 20;

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

	private final ObjectInputFilter filter;

	private final Map<Class<?>, CompactForm<?>> formsByType = new HashMap<>();

	private final Map<String, CompactForm<?>> formsByName = new HashMap<>();

	/**
	 * @param filter what a value written with Java serialization may instantiate when read
	 * @param forms the compact forms of other packages' types
	 */
	CompactValues(ObjectInputFilter filter, List<CompactForm<?>> forms) {
		this.filter = filter;
		for (CompactForm<?> form : forms) {
			if (this.formsByType.put(form.type(), form) != null || this.formsByName.put(form.name(), form) != null) {
				throw new IllegalStateException("Two compact forms for " + form.type() + " or named " + form.name());
			}
		}
	}

	void writeEntries(Map<String, Object> map, Out out, int depth) {
		out.varint(map.size());
		for (Map.Entry<String, Object> entry : map.entrySet()) {
			out.string(entry.getKey());
			writeValue(entry.getValue(), out, depth + 1);
		}
	}

	Map<String, Object> readEntries(In in, Map<String, Object> into, int depth) {
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

	}

}

package org.readerpass.authserver.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the corpus mutates: a method and path, its parameters (in the query, a form body or
 * a JSON body) with values that get past the first checks, and the headers that make it reach the
 * deeper code (client credentials, a bearer token, a reader's session cookie).
 *
 * @param name e.g. {@code token authorization_code (secret)}
 * @param parameters decoded values, in order
 * @param json a JSON body (then {@code parameters} go in the query), or {@code null}
 * @param jwtParameters the parameters that carry a JWT (forged ones are tried there)
 */
record Endpoint(String name, String method, String path, Where where, Map<String, String> parameters, String json,
		List<String> headers, List<String> jwtParameters) {

	/** Where the parameters go. */
	enum Where {

		QUERY, FORM

	}

	static Endpoint query(String name, String method, String path, Map<String, String> parameters, String... headers) {
		return new Endpoint(name, method, path, Where.QUERY, parameters, null, List.of(headers), List.of());
	}

	static Endpoint form(String name, String path, Map<String, String> parameters, String... headers) {
		return new Endpoint(name, "POST", path, Where.FORM, parameters, null, List.of(headers), List.of());
	}

	static Endpoint json(String name, String method, String path, String json, String... headers) {
		return new Endpoint(name, method, path, Where.QUERY, Map.of(), json, List.of(headers), List.of());
	}

	Endpoint withJwtIn(String... parameters) {
		return new Endpoint(this.name, this.method, this.path, this.where, this.parameters, this.json, this.headers,
				List.of(parameters));
	}

	/** The parameters in wire form, each {@code name=value} already encoded. */
	List<String> encoded() {
		List<String> pairs = new ArrayList<>();
		this.parameters.forEach((key, value) -> pairs.add(enc(key) + "=" + enc(value)));
		return pairs;
	}

	/** The parameters in wire form with {@code name}'s value replaced by {@code wire} (already encoded). */
	List<String> with(String name, String wire) {
		Map<String, String> wireForm = new LinkedHashMap<>();
		this.parameters.forEach((key, value) -> wireForm.put(key, enc(value)));
		wireForm.put(name, wire);
		List<String> pairs = new ArrayList<>();
		wireForm.forEach((key, value) -> pairs.add(enc(key) + "=" + value));
		return pairs;
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

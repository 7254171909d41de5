package org.readerpass.authserver.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Generates the corpus: every {@link Endpoint} × every mutation — each parameter missing,
 * repeated, empty and replaced by each {@link BadInput#values() bad value}; forged JWTs where a JWT
 * goes; open-redirect attempts where a redirect URI goes; a parameter with an empty name, a
 * thousand parameters, raw bytes no client sends; bad JSON and JSON of the wrong type; every
 * other method; wrong and missing content types; {@link BadInput#headers() huge and forged
 * headers}.
 */
final class BadInputCorpus {

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD",
			"TRACE", "PROPFIND");

	private static final Map<String, String> BAD_JSON = ordered("JSON not closed", "{\"a\":", "JSON array", "[1,2,3]",
			"JSON string", "\"text\"", "JSON null", "null", "JSON number", "12e999999", "JSON deep",
			"[".repeat(3000) + "]".repeat(3000), "JSON NUL", "{\"a\u0000\":\"\u0000\"}", "JSON trailing garbage", "{} {}",
			"JSON duplicate keys", "{\"kind\":\"full\",\"kind\":\"incremental\"}", "JSON wrong types",
			"{\"code\":1,\"nameZh\":[],\"actions\":\"read\",\"subject\":\"x\",\"network\":5,\"kind\":{},"
					+ "\"effect\":true,\"validFrom\":[1]}",
			"JSON huge string", "{\"code\":\"" + BadInput.KB64 + "\"}", "JSON comment", "/* x */ {}", "JSON BOM",
			"\ufeff{}");

	private final String host;

	private final String issuer;

	BadInputCorpus(int port, String issuer) {
		this.host = "Host: localhost:" + port;
		this.issuer = issuer;
	}

	/** Every mutation of every endpoint, in the endpoints' order. */
	List<Probe> probes(List<Endpoint> endpoints, Map<String, String> registeredRedirects) {
		List<Probe> probes = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			probes.addAll(probes(endpoint, registeredRedirects));
		}
		return probes;
	}

	private List<Probe> probes(Endpoint endpoint, Map<String, String> registeredRedirects) {
		List<Probe> probes = new ArrayList<>();
		probes.add(probe(endpoint, "as it is", endpoint.encoded()));
		for (String name : endpoint.parameters().keySet()) {
			List<String> pairs = endpoint.encoded();
			List<String> without = new ArrayList<>(pairs);
			without.removeIf(pair -> pair.startsWith(Endpoint.enc(name) + "="));
			probes.add(probe(endpoint, name + " missing", without));
			List<String> repeated = new ArrayList<>(pairs);
			repeated.add(Endpoint.enc(name) + "=" + Endpoint.enc(endpoint.parameters().get(name)));
			probes.add(probe(endpoint, name + " repeated", repeated));
			List<String> repeatedOther = new ArrayList<>(pairs);
			repeatedOther.add(Endpoint.enc(name) + "=other");
			probes.add(probe(endpoint, name + " repeated with another value", repeatedOther));
			BadInput.values().forEach((label, wire) -> probes.add(probe(endpoint, name + " " + label, endpoint.with(name, wire))));
			if (endpoint.jwtParameters().contains(name)) {
				BadInput.jwts(this.issuer, "zj-admin-cli", this.issuer)
					.forEach((label, jwt) -> probes.add(probe(endpoint, name + " " + label, endpoint.with(name, jwt))));
			}
			String registered = registeredRedirects.get(name);
			if (registered != null) {
				BadInput.redirects(registered)
					.forEach((label, uri) -> probes.add(probe(endpoint, name + " " + label,
							endpoint.with(name, Endpoint.enc(uri)))));
			}
		}
		probes.addAll(parameterShapes(endpoint));
		probes.addAll(bodies(endpoint));
		probes.addAll(methods(endpoint));
		BadInput.headers().forEach((label, extra) -> probes.add(withHeaders(endpoint, label, extra)));
		if (endpoint.headers().stream().anyMatch(header -> header.startsWith("Authorization: Bearer"))) {
			BadInput.jwts(this.issuer, "zj-admin-cli", this.issuer)
				.forEach((label, jwt) -> probes.add(bearer(endpoint, "bearer " + label, jwt)));
		}
		return probes;
	}

	/** The parameter list itself malformed: empty names, no '=', a thousand parameters, raw bytes. */
	private List<Probe> parameterShapes(Endpoint endpoint) {
		List<Probe> probes = new ArrayList<>();
		Map<String, String> shapes = ordered("empty name =0", "=0", "empty name and value", "=", "name without =", "a",
				"only &", "&&&", "name with bad escape", "%g=1", "name 8KB", BadInput.KB8 + "=1", "name with NUL",
				"a%00b=1", "raw NUL", "a\u0000=1", "raw invalid UTF-8 name", "\u00ff\u00c3=1");
		shapes.forEach((label, pair) -> {
			List<String> pairs = new ArrayList<>(endpoint.encoded());
			pairs.add(pair);
			probes.add(probe(endpoint, label, pairs));
		});
		List<String> thousand = new ArrayList<>(endpoint.encoded());
		for (int i = 0; i < 2000; i++) {
			thousand.add("p" + i + "=" + i);
		}
		probes.add(probe(endpoint, "2000 parameters", thousand));
		return probes;
	}

	/** Bad bodies: bad JSON where JSON goes, JSON and garbage where a form goes. */
	private List<Probe> bodies(Endpoint endpoint) {
		List<Probe> probes = new ArrayList<>();
		String target = target(endpoint, endpoint.encoded());
		List<String> headers = headers(endpoint, null);
		if (endpoint.json() != null || !"GET".equals(endpoint.method())) {
			BAD_JSON.forEach((label, json) -> probes.add(new Probe(endpoint.name() + ": " + label, endpoint.method(),
					target, plus(headers, "Content-Type: application/json"), json.getBytes(StandardCharsets.UTF_8))));
			probes.add(new Probe(endpoint.name() + ": invalid UTF-8 JSON", endpoint.method(), target,
					plus(headers, "Content-Type: application/json"), new byte[] { '{', '"', (byte) 0xff, '"', ':', '1', '}' }));
		}
		if (endpoint.json() != null) {
			return probes;
		}
		String form = String.join("&", endpoint.encoded());
		probes.add(new Probe(endpoint.name() + ": form as JSON", endpoint.method(), target,
				plus(headers, "Content-Type: application/json"), form.getBytes(StandardCharsets.UTF_8)));
		probes.add(new Probe(endpoint.name() + ": no Content-Type", endpoint.method(), target, headers,
				form.getBytes(StandardCharsets.UTF_8)));
		probes.add(new Probe(endpoint.name() + ": text/plain", endpoint.method(), target,
				plus(headers, "Content-Type: text/plain"), form.getBytes(StandardCharsets.UTF_8)));
		probes.add(new Probe(endpoint.name() + ": multipart without boundary", endpoint.method(), target,
				plus(headers, "Content-Type: multipart/form-data"), form.getBytes(StandardCharsets.UTF_8)));
		probes.add(new Probe(endpoint.name() + ": multipart garbage", endpoint.method(), target,
				plus(headers, "Content-Type: multipart/form-data; boundary=x"),
				"--x\r\nContent-Disposition: form-data; name=\"%g\"\r\n\r\n\u0000\r\n--y--".getBytes(StandardCharsets.ISO_8859_1)));
		probes.add(new Probe(endpoint.name() + ": empty form body", endpoint.method(), target,
				plus(headers, "Content-Type: application/x-www-form-urlencoded"), new byte[0]));
		return probes;
	}

	/** Every other method, with the endpoint's parameters where that method carries them. */
	private List<Probe> methods(Endpoint endpoint) {
		List<Probe> probes = new ArrayList<>();
		for (String method : METHODS) {
			if (method.equals(endpoint.method())) {
				continue;
			}
			Endpoint other = new Endpoint(endpoint.name(), method, endpoint.path(), endpoint.where(),
					endpoint.parameters(), endpoint.json(), endpoint.headers(), endpoint.jwtParameters());
			probes.add(probe(other, "method " + method, endpoint.encoded()));
		}
		return probes;
	}

	private Probe withHeaders(Endpoint endpoint, String label, List<String> extra) {
		List<String> headers = headers(endpoint, body(endpoint, endpoint.encoded()) != null ? contentType(endpoint) : null);
		if (extra.stream().anyMatch(header -> header.startsWith("Host:"))) {
			headers.remove(this.host);
		}
		if (extra.stream().anyMatch(header -> header.startsWith("Authorization:"))) {
			headers.removeIf(header -> header.startsWith("Authorization:"));
		}
		headers.addAll(extra);
		return new Probe(endpoint.name() + ": " + label, endpoint.method(), target(endpoint, endpoint.encoded()), headers,
				body(endpoint, endpoint.encoded()));
	}

	private Probe bearer(Endpoint endpoint, String label, String token) {
		return withHeaders(endpoint, label, List.of("Authorization: Bearer " + token));
	}

	private Probe probe(Endpoint endpoint, String label, List<String> pairs) {
		byte[] body = body(endpoint, pairs);
		return new Probe(endpoint.name() + ": " + label, endpoint.method(), target(endpoint, pairs),
				headers(endpoint, (body != null) ? contentType(endpoint) : null), body);
	}

	private static String target(Endpoint endpoint, List<String> pairs) {
		boolean inQuery = endpoint.where() == Endpoint.Where.QUERY || "GET".equals(endpoint.method())
				|| "HEAD".equals(endpoint.method());
		return (inQuery && !pairs.isEmpty()) ? endpoint.path() + "?" + String.join("&", pairs) : endpoint.path();
	}

	private static byte[] body(Endpoint endpoint, List<String> pairs) {
		if (endpoint.json() != null) {
			return endpoint.json().getBytes(StandardCharsets.UTF_8);
		}
		if (endpoint.where() == Endpoint.Where.FORM && !"GET".equals(endpoint.method())
				&& !"HEAD".equals(endpoint.method())) {
			return String.join("&", pairs).getBytes(StandardCharsets.ISO_8859_1);
		}
		return null;
	}

	private static String contentType(Endpoint endpoint) {
		return (endpoint.json() != null) ? "Content-Type: application/json"
				: "Content-Type: application/x-www-form-urlencoded";
	}

	private List<String> headers(Endpoint endpoint, String contentType) {
		List<String> headers = new ArrayList<>();
		headers.add(this.host);
		headers.addAll(endpoint.headers());
		if (endpoint.headers().stream().noneMatch(header -> header.startsWith("Accept:"))) {
			headers.add("Accept: " + ((endpoint.json() != null || endpoint.path().startsWith("/api/")) ? "application/json"
					: "text/html,application/json;q=0.9,*/*;q=0.8"));
		}
		if (contentType != null) {
			headers.add(contentType);
		}
		return headers;
	}

	private static Map<String, String> ordered(String... namesAndValues) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

	private static List<String> plus(List<String> headers, String header) {
		List<String> all = new ArrayList<>(headers);
		all.add(header);
		return Collections.unmodifiableList(all);
	}

}

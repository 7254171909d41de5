package org.readerpass.authserver.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Requests for one operation of the admin API, generated from its OpenAPI description: a valid one
 * (values the schemas allow, the test's own items where the path names one), then for each
 * parameter a missing required one, a value of the wrong type, one out of range, too long, against
 * the pattern, outside the enum, and bad path ids; for a body none at all, not an object, each
 * required field missing, each field of the wrong type, too long, against its pattern or enum, too
 * many or repeated items, and a field the schema does not have. Deterministic: one seeded
 * {@link Random}.
 */
final class FuzzCases {

	/** One request: what it is called, its path with query, its JSON body ({@code null}: none). */
	record Case(String name, String target, String body) {

	}

	private final ApiDocument document;

	private final Random random;

	/**
	 * Valid values for what a schema alone cannot make valid (a stored item): asked for
	 * {@code "<path>|<name>"} first, then {@code name}; {@code null} when there is none.
	 */
	private final Function<String, Object> fixtures;

	private String path = "";

	FuzzCases(ApiDocument document, long seed, Function<String, Object> fixtures) {
		this.document = document;
		this.random = new Random(seed);
		this.fixtures = fixtures;
	}

	List<Case> cases(ApiDocument.Operation operation, Map<String, Object> validBody) {
		this.path = operation.path();
		Map<String, String> valid = new LinkedHashMap<>();
		for (Map<String, Object> parameter : operation.parameters()) {
			valid.put(name(parameter), String.valueOf(valid(name(parameter), schema(parameter))));
		}
		String body = (validBody != null) ? JSONObjectUtils.toJSONString(validBody) : null;
		List<Case> cases = new ArrayList<>();
		cases.add(new Case("valid", target(operation, valid), body));
		for (Map<String, Object> parameter : operation.parameters()) {
			String name = name(parameter);
			if (Boolean.TRUE.equals(parameter.get("required")) && "query".equals(parameter.get("in"))) {
				Map<String, String> without = new LinkedHashMap<>(valid);
				without.remove(name);
				cases.add(new Case(name + " missing", target(operation, without), body));
			}
			invalidValues(this.document.resolve(schema(parameter)), "path".equals(parameter.get("in")))
				.forEach((label, value) -> {
					Map<String, String> with = new LinkedHashMap<>(valid);
					with.put(name, String.valueOf(value));
					cases.add(new Case(name + " " + label, target(operation, with), body));
				});
		}
		if (operation.body() != null) {
			String target = target(operation, valid);
			cases.add(new Case("no body", target, ""));
			cases.add(new Case("body null", target, "null"));
			cases.add(new Case("body an array", target, "[]"));
			cases.add(new Case("body not JSON", target, "{\"a\":"));
			bodyMutations(operation.body(), validBody)
				.forEach((label, mutated) -> cases.add(new Case(label, target, JSONObjectUtils.toJSONString(mutated))));
		}
		return cases;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> bodyMutations(Map<String, Object> bodySchema, Map<String, Object> validBody) {
		Map<String, Object> schema = this.document.resolve(bodySchema);
		Map<String, Map<String, Object>> mutations = new LinkedHashMap<>();
		Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
		for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
			Map<String, Object> without = new LinkedHashMap<>(validBody);
			without.remove(required);
			mutations.put("body without " + required, without);
		}
		properties.forEach((name, property) -> {
			Map<String, Object> resolved = this.document.resolve((Map<String, Object>) property);
			Map<String, Object> wrongType = new LinkedHashMap<>(validBody);
			wrongType.put(name, ApiDocument.types(resolved).contains("string") ? (Object) 12 : "a string");
			mutations.put("body " + name + " of the wrong type", wrongType);
			invalidValues(resolved, false).forEach((label, value) -> {
				Map<String, Object> with = new LinkedHashMap<>(validBody);
				with.put(name, value);
				mutations.put("body " + name + " " + label, with);
			});
			if (resolved.containsKey("properties") && validBody.get(name) instanceof Map<?, ?> nested) {
				Map<String, Object> withExtra = new LinkedHashMap<>(validBody);
				Map<String, Object> nestedExtra = new LinkedHashMap<>((Map<String, Object>) nested);
				nestedExtra.put("fuzzExtra", 1);
				withExtra.put(name, nestedExtra);
				mutations.put("body " + name + " with a field it does not have", withExtra);
			}
		});
		Map<String, Object> extra = new LinkedHashMap<>(validBody);
		extra.put("fuzzExtra", "x");
		mutations.put("body with a field it does not have", extra);
		return mutations;
	}

	/** Values the schema refuses (or a server must refuse): wrong type, range, length, pattern, enum. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> invalidValues(Map<String, Object> schema, boolean inPath) {
		Map<String, Object> values = new LinkedHashMap<>();
		List<String> types = ApiDocument.types(schema);
		if (types.contains("integer")) {
			values.put("not a number", "ten");
			values.put("a fraction", "1.5");
			values.put("too large for a long", "99999999999999999999");
			if (schema.get("minimum") instanceof Number minimum) {
				values.put("below the minimum", minimum.longValue() - 1);
			}
			if (schema.get("maximum") instanceof Number maximum) {
				values.put("above the maximum", maximum.longValue() + 1);
			}
		}
		if (types.contains("boolean")) {
			values.put("not a boolean", "yes");
		}
		if (types.contains("array")) {
			values.put("empty array", List.of());
			Object item = valid("item", (Map<String, Object>) schema.getOrDefault("items", Map.of()));
			if (schema.get("maxItems") instanceof Number max) {
				List<Object> many = new ArrayList<>();
				for (int i = 0; i <= max.intValue(); i++) {
					many.add("a" + i);
				}
				values.put("with too many items", many);
			}
			values.put("with an item twice", List.of(item, item));
			values.put("with an item of the wrong type", List.of(List.of(1)));
		}
		if (types.contains("string")) {
			if (schema.get("maxLength") instanceof Number max) {
				values.put("too long", "a".repeat(max.intValue() + 1));
			}
			if (schema.containsKey("pattern")) {
				values.put("against the pattern", "Not_A-Match!");
			}
			if (schema.containsKey("enum")) {
				values.put("not in the enum", "fuzz-unknown");
			}
			if ("uuid".equals(schema.get("format"))) {
				values.put("not a uuid", "not-a-uuid");
				values.put("upper-case uuid", new java.util.UUID(this.random.nextLong(), this.random.nextLong())
					.toString()
					.toUpperCase(java.util.Locale.ROOT));
			}
			if ("date-time".equals(schema.get("format"))) {
				values.put("not a date-time", "2027-13-45T25:61:00Z");
			}
			values.put("empty", "");
			values.put("8KB", "b".repeat(8192));
			values.put("unicode", "读者\u202e");
		}
		if (inPath) {
			values.put("dot-dot", "..");
			values.put("encoded slash", "a%2Fb");
			values.put("300 characters", "c".repeat(300));
		}
		return values;
	}

	/** A value the schema allows: a fixture by name, else the first enum value, minimum, format, example. */
	@SuppressWarnings("unchecked")
	Object valid(String name, Map<String, Object> given) {
		Object fixture = this.fixtures.apply(this.path + "|" + name);
		if (fixture == null) {
			fixture = this.fixtures.apply(name);
		}
		if (fixture != null) {
			return fixture;
		}
		Map<String, Object> schema = this.document.resolve(given);
		if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
			return values.get(0);
		}
		List<String> types = ApiDocument.types(schema);
		if (types.contains("integer")) {
			return (schema.get("minimum") instanceof Number minimum) ? minimum.longValue() : 1L;
		}
		if (types.contains("boolean")) {
			return false;
		}
		if ("uuid".equals(schema.get("format"))) {
			return new java.util.UUID(this.random.nextLong(), this.random.nextLong()).toString();
		}
		if ("date-time".equals(schema.get("format"))) {
			return "2027-01-01T00:00:00Z";
		}
		return (schema.get("example") != null) ? schema.get("example") : "fuzz";
	}

	private static String name(Map<String, Object> parameter) {
		return (String) parameter.get("name");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> schema(Map<String, Object> parameter) {
		return (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
	}

	/** The path with its parameters filled in and the query ones appended, each %-encoded. */
	private static String target(ApiDocument.Operation operation, Map<String, String> values) {
		String path = operation.path();
		StringBuilder query = new StringBuilder();
		for (Map<String, Object> parameter : operation.parameters()) {
			String name = name(parameter);
			if (!values.containsKey(name)) {
				continue;
			}
			String value = values.get(name);
			if ("path".equals(parameter.get("in"))) {
				// an encoded slash stays as sent: it is the attack
				path = path.replace("{" + name + "}", value.contains("%2F") ? value : Endpoint.enc(value));
			}
			else {
				query.append(query.isEmpty() ? "?" : "&").append(Endpoint.enc(name)).append('=').append(Endpoint.enc(value));
			}
		}
		return path + query;
	}

}

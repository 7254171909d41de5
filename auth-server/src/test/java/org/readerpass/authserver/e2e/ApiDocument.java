package org.readerpass.authserver.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An OpenAPI 3.1 document as parsed JSON, with what the fuzz test asks of it: the operations, a
 * schema by {@code $ref}, and whether an answer matches a schema — JSON types (a {@code null} only
 * where the type admits it), required properties, enums, formats and ranges, nested objects and
 * arrays. A small structural checker, not a full JSON Schema validator.
 */
final class ApiDocument {

	/** One operation: method, path template, its parts of the document. */
	record Operation(String method, String path, List<Map<String, Object>> parameters, Map<String, Object> body,
			Map<String, Map<String, Object>> responses) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	private final Map<String, Object> document;

	ApiDocument(Map<String, Object> document) {
		this.document = document;
	}

	@SuppressWarnings("unchecked")
	List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		((Map<String, Object>) this.document.get("paths")).forEach((path, item) -> ((Map<String, Object>) item)
			.forEach((method, value) -> {
				Map<String, Object> operation = (Map<String, Object>) value;
				Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
				Map<String, Object> bodySchema = (body != null) ? schemaOf(body) : null;
				operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path,
						(List<Map<String, Object>>) operation.getOrDefault("parameters", List.of()), bodySchema,
						(Map<String, Map<String, Object>>) operation.get("responses")));
			}));
		return operations;
	}

	/** The schema of a request body's or a response's first media type, or {@code null} when it has none. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> schemaOf(Map<String, Object> bodyOrResponse) {
		Map<String, Object> content = (Map<String, Object>) bodyOrResponse.get("content");
		if (content == null || content.isEmpty()) {
			return null;
		}
		return (Map<String, Object>) ((Map<String, Object>) content.values().iterator().next()).get("schema");
	}

	/** The schema itself when it is a {@code $ref}. */
	@SuppressWarnings("unchecked")
	Map<String, Object> resolve(Map<String, Object> schema) {
		Object ref = schema.get("$ref");
		if (ref == null) {
			return schema;
		}
		String name = ((String) ref).substring(((String) ref).lastIndexOf('/') + 1);
		Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) this.document.get("components"))
			.get("schemas");
		return (Map<String, Object>) schemas.get(name);
	}

	/** The JSON types the schema admits ({@code type} a string or a list), empty when it names none. */
	static List<String> types(Map<String, Object> schema) {
		Object type = schema.get("type");
		if (type instanceof String one) {
			return List.of(one);
		}
		if (type instanceof List<?> many) {
			return many.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	/** What is wrong with {@code value} (at {@code where}) against {@code schema}; empty when it matches. */
	List<String> mismatches(Object value, Map<String, Object> schema, String where) {
		List<String> problems = new ArrayList<>();
		check(value, schema, where, problems);
		return problems;
	}

	@SuppressWarnings("unchecked")
	private void check(Object value, Map<String, Object> schema, String where, List<String> problems) {
		if (value == null) {
			if (!types(schema).contains("null")) {
				problems.add(where + " is null");
			}
			return;
		}
		Map<String, Object> resolved = resolve(schema);
		List<String> types = new ArrayList<>(types(resolved));
		types.addAll(types(schema));
		if (types.contains("object") || resolved.containsKey("properties")) {
			if (!(value instanceof Map<?, ?> object)) {
				problems.add(where + " is not an object");
				return;
			}
			for (Object name : (List<Object>) resolved.getOrDefault("required", List.of())) {
				if (!object.containsKey(name)) {
					problems.add(where + "." + name + " is missing");
				}
			}
			Map<String, Object> properties = (Map<String, Object>) resolved.getOrDefault("properties", Map.of());
			object.forEach((name, property) -> {
				Map<String, Object> propertySchema = (Map<String, Object>) properties.get(name);
				if (propertySchema != null) {
					check(property, propertySchema, where + "." + name, problems);
				}
			});
		}
		else if (types.contains("array")) {
			if (!(value instanceof List<?> array)) {
				problems.add(where + " is not an array");
				return;
			}
			Map<String, Object> items = (Map<String, Object>) resolved.get("items");
			for (int i = 0; i < array.size() && items != null; i++) {
				check(array.get(i), items, where + "[" + i + "]", problems);
			}
		}
		else if (types.contains("string")) {
			checkString(value, resolved, where, problems);
		}
		else if (types.contains("integer")) {
			if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
				problems.add(where + " is not an integer: " + value);
			}
		}
		else if (types.contains("boolean") && !(value instanceof Boolean)) {
			problems.add(where + " is not a boolean: " + value);
		}
	}

	private static void checkString(Object value, Map<String, Object> schema, String where, List<String> problems) {
		if (!(value instanceof String text)) {
			problems.add(where + " is not a string: " + value);
			return;
		}
		Object allowed = schema.get("enum");
		if (allowed instanceof List<?> values && !values.contains(text)) {
			problems.add(where + " '" + text + "' is not one of " + values);
		}
		try {
			switch (String.valueOf(schema.get("format"))) {
				case "date-time" -> java.time.OffsetDateTime.parse(text);
				case "uuid" -> java.util.UUID.fromString(text);
				default -> {
				}
			}
		}
		catch (RuntimeException ex) {
			problems.add(where + " '" + text + "' is not a " + schema.get("format"));
		}
	}

}

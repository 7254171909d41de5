package org.readerpass.authserver.admin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every operation of the admin API shares, stated once in its OpenAPI description: the
 * bearer token every operation needs (401 without a valid one, 403 without the admin scope), the
 * RFC 9457 problem every error is (400, 404, 409, 415, 503), the {@code Location} of every 201,
 * and that every property of an answer is present (a {@code null} is sent, never left out; which
 * ones may be {@code null} each record states). What is specific to an operation — its success
 * status, 404 and 409 — its controller states with {@code @ApiResponse}.
 */
final class AdminApiDocumentation implements OpenApiCustomizer {

	/** The name of the security scheme. */
	static final String BEARER = "bearer";

	/** The schema of every error answer. */
	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String REF = "#/components/schemas/";

	@Override
	public void customise(OpenAPI openApi) {
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		openApi.components(components);
		components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("A ReaderPass access token (RFC 9068) with the scope readerpass.admin, of an admin reader "
					+ "or an admin client (readerpass.admin.access)"));
		components.addSchemas("FieldProblem", fieldProblem());
		components.addSchemas(PROBLEM, problem());
		openApi.security(List.of(new SecurityRequirement().addList(BEARER)));
		Set<String> answers = new HashSet<>();
		if (openApi.getPaths() != null) {
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
				describe(path, operation);
				operation.getResponses().forEach((status, response) -> {
					if (status.startsWith("2") && response.getContent() != null) {
						response.getContent().values().forEach(media -> collectRefs(media.getSchema(), answers));
					}
				});
			}));
		}
		everyPropertyPresent(components, answers);
	}

	private static void describe(String path, Operation operation) {
		operation.security(List.of(new SecurityRequirement().addList(BEARER)));
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		operation.responses(responses);
		putIfAbsent(responses, "400", "an invalid parameter or body field (errors lists each), or a malformed request");
		responses.put("401", new ApiResponse()
			.description("no access token, or one that is not valid (expired, revoked, not this server's, not an "
					+ "access token); no body")
			.addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema())));
		responses.put("403", new ApiResponse()
			.description("a valid access token without the readerpass.admin scope, or not an admin's; no body")
			.addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema())));
		if (path.contains("{")) {
			putIfAbsent(responses, "404", "no such item");
		}
		if (operation.getRequestBody() != null) {
			operation.getRequestBody().required(true); // without one: 400
			putIfAbsent(responses, "415", "the body is not application/json");
		}
		putIfAbsent(responses, "503", "the store (or directory sync) cannot be reached; try again later");
		responses.forEach((status, response) -> {
			if (status.compareTo("400") >= 0 && !status.equals("401") && !status.equals("403")) {
				response.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM))));
			}
			if (status.equals("201")) {
				response.addHeaderObject("Location", new Header().description("the path of what was created")
					.required(true)
					.schema(new StringSchema()));
			}
		});
		sort(responses);
	}

	private static void putIfAbsent(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.put(status, new ApiResponse().description(description));
		}
	}

	private static void sort(ApiResponses responses) {
		Map<String, ApiResponse> sorted = new TreeMap<>(responses);
		responses.clear();
		responses.putAll(sorted);
	}

	/** Answers always hold every property ({@code null} where there is nothing): all are required. */
	@SuppressWarnings("rawtypes")
	private static void everyPropertyPresent(Components components, Set<String> answers) {
		Deque<String> todo = new ArrayDeque<>(answers);
		Set<String> done = new HashSet<>();
		while (!todo.isEmpty()) {
			String name = todo.pop();
			Schema schema = (components.getSchemas() != null) ? components.getSchemas().get(name) : null;
			if (!done.add(name) || schema == null || schema.getProperties() == null) {
				continue;
			}
			schema.setRequired(List.copyOf(new java.util.TreeSet<String>(schema.getProperties().keySet())));
			Set<String> nested = new HashSet<>();
			collectRefs(schema, nested);
			todo.addAll(nested);
		}
	}

	@SuppressWarnings("rawtypes")
	private static void collectRefs(Schema schema, Set<String> names) {
		if (schema == null) {
			return;
		}
		if (schema.get$ref() != null) {
			names.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
		}
		collectRefs(schema.getItems(), names);
		if (schema.getAdditionalProperties() instanceof Schema additional) {
			collectRefs(additional, names);
		}
		if (schema.getProperties() != null) {
			for (Object property : schema.getProperties().values()) {
				collectRefs((Schema) property, names);
			}
		}
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref(REF + name);
	}

	/** RFC 9457, as the admin API and the server send it; {@code type} is left out when about:blank. */
	private static Schema<?> problem() {
		Schema<?> problem = new ObjectSchema().description("An RFC 9457 problem")
			.addProperty("type", new StringSchema().description("urn:readerpass:problem:<kind>; absent: about:blank"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
				.maximum(java.math.BigDecimal.valueOf(599)))
			.addProperty("detail", nullable(new StringSchema()))
			.addProperty("instance", nullable(new StringSchema()).description("the request's path"))
			.addProperty("errors", new ArraySchema().items(ref("FieldProblem"))
				.description("400 invalid-request: every invalid field"))
			.addProperty("field", nullable(new StringSchema()).description("409 conflict: what conflicts"))
			.addProperty("error", new StringSchema().description("the OAuth error code, where there is one"));
		problem.setRequired(List.of("title", "status"));
		return problem;
	}

	private static Schema<?> fieldProblem() {
		Schema<?> field = new ObjectSchema()
			.addProperty("field", nullable(new StringSchema()).description("JSON path (subject.kind, actions[1]) or "
					+ "parameter name; null for the body as a whole"))
			.addProperty("message", new StringSchema());
		field.setRequired(List.of("field", "message"));
		return field;
	}

	private static <T extends Schema<?>> T nullable(T schema) {
		schema.addType("null");
		return schema;
	}

}

package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema-driven fuzz test of the admin API against its own OpenAPI document (issue 11, point 6):
 * the document is read from the running server with an admin's token; every operation gets the
 * requests {@link FuzzCases} generates from it, plus one without a token and one with a token
 * that is not an admin's; every answer is checked against the document — a status documented for
 * the operation, never 5xx, a body of the documented schema ({@link ApiDocument}: JSON types,
 * required properties, nullability, enums, formats; the problem shape for errors), no body where
 * none is documented, every required header. Seeded, so every run sends the same requests. The
 * items it creates have names of its own and are deleted afterwards; it never rotates the
 * server's keys (the rotate operation gets only algorithms that do not exist).
 */
@ReaderPassServerTest
class AdminApiFuzzTests {

	private static final String RESOURCE = "openapi-fuzz";

	private static final String CREATED_RESOURCE = "openapi-fuzz-created";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private URI issuer;

	private String admin;

	private String grantId;

	@BeforeEach
	void itemsOfItsOwn() throws Exception {
		this.issuer = URI.create("http://localhost:" + this.port);
		this.admin = new AdminCli(this.issuer).token();
		assertThat(send("POST", "/api/admin/resources", this.admin, JSONObjectUtils.toJSONString(resource(RESOURCE)))
			.statusCode()).isEqualTo(201);
		HttpResponse<String> grant = send("POST", "/api/admin/grants", this.admin, JSONObjectUtils.toJSONString(grant()));
		assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);
		this.grantId = (String) JSONObjectUtils.parse(grant.body()).get("id");
	}

	@AfterEach
	void deleteItsItems() throws Exception {
		String token = new AdminCli(this.issuer).token();
		var grants = JSONObjectUtils.parse(send("GET", "/api/admin/grants", token, null).body());
		for (Object grant : JSONObjectUtils.getJSONArray(grants, "grants")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> fields = (Map<String, Object>) grant;
			if (String.valueOf(fields.get("resource")).startsWith(RESOURCE)) {
				send("DELETE", "/api/admin/grants/" + fields.get("id"), token, null);
			}
		}
		send("DELETE", "/api/admin/resources/" + RESOURCE, token, null);
		send("DELETE", "/api/admin/resources/" + CREATED_RESOURCE, token, null);
		assertThat(send("GET", "/api/admin/resources/" + RESOURCE, token, null).statusCode()).isEqualTo(404);
	}

	@Test
	void everyOperationWhenFuzzedFromTheDocumentThenAnswersAsDocumented() throws Exception {
		HttpResponse<String> docs = send("GET", "/v3/api-docs/admin", this.admin, null);
		assertThat(docs.statusCode()).isEqualTo(200);
		ApiDocument document = new ApiDocument(JSONObjectUtils.parse(docs.body()));
		FuzzCases generator = new FuzzCases(document, 20261204L, this::fixture);
		String notAdmin = notAnAdminsToken();
		List<ApiDocument.Operation> operations = new ArrayList<>(document.operations());
		// deletions last, grants before the resources they name
		operations.sort(Comparator.comparing((ApiDocument.Operation operation) -> operation.method().equals("DELETE"))
			.thenComparing(operation -> operation.path().contains("resources")));

		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (ApiDocument.Operation operation : operations) {
			Map<String, Object> validBody = validBody(operation);
			assertThat(operation.body() == null || validBody != null)
				.as("%s %s takes a body: give the test a valid one in validBody", operation.method(), operation.path())
				.isTrue();
			List<FuzzCases.Case> cases = new ArrayList<>(generator.cases(operation, validBody));
			cases.add(new FuzzCases.Case("no token", cases.get(0).target(), cases.get(0).body()));
			cases.add(new FuzzCases.Case("not an admin's token", cases.get(0).target(), cases.get(0).body()));
			for (FuzzCases.Case request : cases) {
				String token = switch (request.name()) {
					case "no token" -> null;
					case "not an admin's token" -> notAdmin;
					default -> this.admin;
				};
				HttpResponse<String> answer = send(operation.method(), request.target(), token, request.body());
				requests++;
				check(document, operation, answer).forEach(problem -> failures
					.add(operation + " " + request.name() + " -> " + answer.statusCode() + ": " + problem));
			}
		}

		assertThat(operations).as("operations").hasSizeGreaterThanOrEqualTo(19);
		assertThat(requests).isGreaterThan(300);
		assertThat(failures).as("%d of %d requests", failures.size(), requests).isEmpty();
	}

	/** What is wrong with the answer, by the document; empty when nothing is. */
	private static List<String> check(ApiDocument document, ApiDocument.Operation operation,
			HttpResponse<String> answer) {
		List<String> problems = new ArrayList<>();
		if (answer.statusCode() >= 500) {
			problems.add("a server error");
		}
		Map<String, Object> documented = operation.responses().get(String.valueOf(answer.statusCode()));
		if (documented == null) {
			problems.add("status not documented (documented: " + operation.responses().keySet() + ")");
			return problems;
		}
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> headers = (Map<String, Map<String, Object>>) documented
			.getOrDefault("headers", Map.of());
		headers.forEach((name, header) -> {
			if (Boolean.TRUE.equals(header.get("required")) && answer.headers().firstValue(name).isEmpty()) {
				problems.add("no " + name + " header");
			}
		});
		Map<String, Object> schema = ApiDocument.schemaOf(documented);
		if (schema == null) {
			if (!answer.body().isBlank()) {
				problems.add("a body where none is documented: " + shorten(answer.body()));
			}
			return problems;
		}
		Object body;
		try {
			body = answer.body().strip().startsWith("[") ? JSONArrayUtils.parse(answer.body())
					: JSONObjectUtils.parse(answer.body());
		}
		catch (java.text.ParseException ex) {
			problems.add("not JSON: " + shorten(answer.body()));
			return problems;
		}
		problems.addAll(document.mismatches(body, schema, "body"));
		return problems;
	}

	/** Valid values for what the schemas cannot tell: the test's own items, libraries of the network. */
	private Object fixture(String name) {
		return switch (name) {
			case "/api/admin/resources/{code}|code" -> RESOURCE;
			case "/api/admin/grants/{id}|id" -> this.grantId;
			case "/api/admin/sync/libraries/{code}/runs|code" -> "zj.sx.jinghu";
			// a real algorithm would rotate the keys of the server the other tests share
			case "/api/admin/keys/{algorithm}/rotate|algorithm" -> "XS256";
			case "resource" -> RESOURCE;
			case "library" -> "zj";
			case "type" -> "consent.given";
			case "address" -> "10.30.50.1";
			case "kid" -> firstKid();
			default -> null;
		};
	}

	private String firstKid() {
		try {
			return new AdminCli(this.issuer).keys().keySet().iterator().next();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static Map<String, Object> validBody(ApiDocument.Operation operation) {
		return switch (operation.method() + " " + operation.path()) {
			case "POST /api/admin/resources" -> resource(CREATED_RESOURCE);
			case "PUT /api/admin/resources/{code}" -> resource(RESOURCE);
			case "POST /api/admin/grants", "PUT /api/admin/grants/{id}" -> grant();
			case "POST /api/admin/sync/libraries/{code}/runs" -> new LinkedHashMap<>(Map.of("kind", "full"));
			// a card nobody locked: released false, nothing changed
			case "POST /api/admin/login-locks/release" -> new LinkedHashMap<>(Map.of("card", "FUZZ0001"));
			default -> null;
		};
	}

	private static Map<String, Object> resource(String code) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("code", code);
		resource.put("nameZh", "接口模糊测试");
		resource.put("nameEn", "OpenAPI fuzz");
		resource.put("ownerLibrary", "zj");
		resource.put("audience", "https://" + code + ".example/");
		resource.put("actions", List.of("read", "download"));
		return resource;
	}

	private static Map<String, Object> grant() {
		Map<String, Object> grant = new LinkedHashMap<>();
		grant.put("effect", "allow");
		grant.put("subject", new LinkedHashMap<>(Map.of("kind", "library", "value", "zj.sx")));
		grant.put("resource", RESOURCE);
		grant.put("actions", List.of("read"));
		grant.put("validFrom", "2027-01-01");
		grant.put("network", new LinkedHashMap<>(Map.of("kind", "anywhere")));
		return grant;
	}

	/** A valid access token of a client that is not an admin (sx-stats, client credentials). */
	private String notAnAdminsToken() throws Exception {
		RawHttp.Response response = RawHttp.sendToLocalhost(this.port, "POST", "/oauth2/token",
				List.of("Content-Type: application/x-www-form-urlencoded",
						"Authorization: Basic " + BadInput.b64std("sx-stats:sx-stats-demo-secret")),
				"grant_type=client_credentials");
		assertThat(response.status()).isEqualTo(200);
		return (String) JSONObjectUtils.parse(response.body()).get("access_token");
	}

	private HttpResponse<String> send(String method, String target, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.issuer + target))
			.header("Accept", "application/json, application/problem+json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String shorten(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}

package org.readerpass.authserver.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.e2e.AdminCli;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI description of the admin API: the committed document the server serves
 * ({@link AdminApiDocument}) is what springdoc generates from the running application
 * ({@link AdminApiDocumentGeneration}), and it says what the API does. After a change to the admin
 * API (here or in admin-ui), {@code READERPASS_OPENAPI=write ./mvnw -q -o verify -pl auth-server
 * -Dtest=OpenApiTests} rewrites the document from the code (that run fails once: the server read
 * the old one); review the diff.
 */
@ReaderPassServerTest
@TestPropertySource(properties = "springdoc.api-docs.enabled=true")
@Import(AdminApiDocumentGeneration.class)
class OpenApiTests {

	private static final Path DOCUMENT = Path.of("src/main/resources/org/readerpass/authserver/admin",
			AdminApiDocument.RESOURCE);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private AdminCli admin;

	private String token;

	@BeforeEach
	void admin() throws Exception {
		this.admin = new AdminCli(URI.create("http://localhost:" + this.port));
		this.token = this.admin.token();
	}

	@Test
	void servedDocumentWhenComparedWithTheCodeThenTheSame() throws Exception {
		HttpResponse<String> generation = this.admin.call("GET", AdminApiDocumentGeneration.PATH + "/admin", null);
		assertThat(generation.statusCode()).isEqualTo(200);
		// springdoc names the server the request came to (its Host header); the served document
		// names none: its paths are relative to where it was fetched from, never to a header
		ObjectNode generated = (ObjectNode) JSON.readTree(generation.body());
		assertThat(generated.remove("servers").get(0).get("url").asString()).startsWith("http://localhost:");
		if ("write".equals(System.getenv("READERPASS_OPENAPI"))) {
			Files.writeString(DOCUMENT,
					JSON.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(generated) + "\n");
		}

		HttpResponse<String> served = this.admin.call("GET", "/v3/api-docs/admin", this.token);

		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(JSON.readTree(served.body()))
			.as("the committed %s is not what the code says; READERPASS_OPENAPI=write rewrites it (see OpenApiTests)",
					DOCUMENT)
			.isEqualTo(generated);
		assertThat(JSON.readTree(served.body()).has("servers")).isFalse();
		assertThat(this.admin.call("GET", "/v3/api-docs", this.token).body()).isEqualTo(served.body());
	}

	@Test
	void servedDocumentWhenHostSpoofedThenTheSame() throws Exception {
		HttpResponse<String> served = this.admin.call("GET", "/v3/api-docs/admin", this.token);
		HttpResponse<String> spoofed = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port
				+ "/v3/api-docs/admin"))
			.header("Authorization", "Bearer " + this.token)
			.header("X-Forwarded-Host", "evil.example")
			.header("Forwarded", "host=evil.example;proto=https")
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(spoofed.statusCode()).isEqualTo(200);
		assertThat(spoofed.body()).isEqualTo(served.body()).doesNotContain("evil.example").doesNotContain("127.0.0.1");
	}

	@Test
	void apiDocsWhenRequestedThenEveryAdminPathAndNothingElse() throws Exception {
		JsonNode body = document();
		assertThat(body.get("openapi").asString()).startsWith("3.");
		assertThat(body.get("info").get("title").asString()).isEqualTo("ReaderPass admin API");
		assertThat(body.get("paths").propertyNames()).allMatch((path) -> path.startsWith("/api/admin/"))
			.contains("/api/admin/resources", "/api/admin/resources/{code}", "/api/admin/grants",
					"/api/admin/grants/{id}", "/api/admin/audit", "/api/admin/policy", "/api/admin/decisions",
					"/api/admin/sync/runs", "/api/admin/sync/runs/{id}", "/api/admin/sync/runs/{id}/confirm",
					"/api/admin/sync/libraries/{code}/runs", "/api/admin/sync/running", "/api/admin/keys",
					"/api/admin/keys/{kid}", "/api/admin/keys/{algorithm}/rotate", "/api/admin/login-locks/release",
					"/api/admin/security-events");
		JsonNode grantRequest = body.get("components").get("schemas").get("GrantRequest");
		assertThat(grantRequest.get("properties").propertyNames()).contains("effect", "subject", "resource", "actions",
				"validFrom", "validUntil", "validThrough", "network", "minimumVerification")
			.doesNotContain("unknownFields");
		JsonNode syncRunRequest = body.get("components").get("schemas").get("SyncRunRequest");
		assertThat(syncRunRequest.get("properties").propertyNames()).containsExactly("kind");
	}

	@Test
	void apiDocsWhenRequestedThenEveryOperationNeedsTheBearerTokenAndStatesItsErrors() throws Exception {
		JsonNode body = document();

		JsonNode scheme = body.get("components").get("securitySchemes").get("bearer");
		assertThat(scheme.get("type").asString()).isEqualTo("http");
		assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
		assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
		body.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			String name = operation.getKey() + " " + path.getKey();
			JsonNode responses = operation.getValue().get("responses");
			assertThat(operation.getValue().get("security").get(0).has("bearer")).as(name).isTrue();
			assertThat(responses.propertyNames()).as(name).contains("400", "401", "403", "503");
			assertThat(responses.get("400").get("content").get("application/problem+json").get("schema").get("$ref")
				.asString()).as(name).isEqualTo("#/components/schemas/Problem");
		}));
	}

	@Test
	void apiDocsWhenRequestedThenSuccessStatusesAreTheRealOnes() throws Exception {
		JsonNode paths = document().get("paths");

		JsonNode create = paths.get("/api/admin/resources").get("post").get("responses");
		assertThat(create.propertyNames()).contains("201", "409", "415").doesNotContain("200");
		assertThat(create.get("201").get("headers").has("Location")).isTrue();
		JsonNode delete = paths.get("/api/admin/grants/{id}").get("delete").get("responses");
		assertThat(delete.propertyNames()).contains("204", "404").doesNotContain("200");
		assertThat(delete.get("204").has("content")).isFalse();
		assertThat(paths.get("/api/admin/resources/{code}").get("delete").get("responses").propertyNames())
			.contains("409");
		assertThat(paths.get("/api/admin/sync/libraries/{code}/runs").get("post").get("responses").propertyNames())
			.contains("201", "404", "409");
	}

	@Test
	void apiDocsWhenRequestedThenNullabilityAndConstraintsAreStated() throws Exception {
		JsonNode schemas = document().get("components").get("schemas");

		JsonNode grant = schemas.get("GrantResponse");
		assertThat(grant.get("required").valueStream().map(JsonNode::asString)).contains("id", "validFrom",
				"validUntil", "network");
		assertThat(grant.get("properties").get("validUntil").get("type").valueStream().map(JsonNode::asString))
			.containsExactly("string", "null");
		assertThat(grant.get("properties").get("id").get("type").asString()).isEqualTo("string");
		JsonNode resource = schemas.get("ResourceRequest");
		assertThat(resource.get("additionalProperties").asBoolean()).isFalse();
		assertThat(resource.get("properties").get("nameZh").get("maxLength").asInt()).isEqualTo(256);
		assertThat(resource.get("properties").get("code").get("pattern").asString())
			.isEqualTo("[a-z0-9][a-z0-9-]{0,62}");
		assertThat(resource.get("properties").get("actions").get("maxItems").asInt()).isEqualTo(64);
		assertThat(schemas.get("GrantRequest").get("properties").get("effect").get("enum").valueStream()
			.map(JsonNode::asString)).containsExactly("allow", "deny");
		assertThat(schemas.get("Problem").get("required").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("title", "status");
	}

	/**
	 * Where Jackson 2's YAML module is on the class path (springdoc brings it: the tests have it),
	 * Spring builds YAML converters from it: the admin API still answers only in the formats it
	 * documents.
	 */
	@Test
	void apiWhenOnlyYamlAcceptedThenNotAcceptableNeverYaml() throws Exception {
		for (String accept : new String[] { "application/yaml", "application/x-yaml", "text/yaml" }) {
			HttpResponse<String> answer = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/keys"))
						.header("Authorization", "Bearer " + this.token)
						.header("Accept", accept)
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(accept).isEqualTo(406);
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(accept).doesNotContain("yaml");
			assertThat(answer.body()).as(accept).doesNotContain("kid:");
		}
		assertThat(this.admin.call("GET", "/api/admin/keys", this.token).statusCode()).isEqualTo(200);
	}

	private JsonNode document() throws Exception {
		HttpResponse<String> served = this.admin.call("GET", "/v3/api-docs/admin", this.token);
		assertThat(served.statusCode()).isEqualTo(200);
		return JSON.readTree(served.body());
	}

}

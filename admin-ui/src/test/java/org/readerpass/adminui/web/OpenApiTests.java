package org.readerpass.adminui.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.readerpass.adminui.grant.GrantRequest;
import org.readerpass.adminui.sync.SyncRunRequest;
import org.readerpass.adminui.testapp.AdminApiClient.Answer;
import org.readerpass.adminui.testapp.AdminApiTestSupport;

import tools.jackson.databind.JsonNode;

/** The OpenAPI description of the admin API (springdoc, group {@code admin}). */
class OpenApiTests extends AdminApiTestSupport {

	@Test
	void apiDocsWhenRequestedThenEveryAdminPathAndNothingElse() {
		Answer docs = this.api.get("/v3/api-docs/admin");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode body = docs.body();
		assertThat(body.get("openapi").asString()).startsWith("3.");
		assertThat(body.get("info").get("title").asString()).isEqualTo("ReaderPass admin API");
		assertThat(body.get("paths").propertyNames()).containsExactlyInAnyOrder("/api/admin/resources",
				"/api/admin/resources/{code}", "/api/admin/grants", "/api/admin/grants/{id}", "/api/admin/audit",
				"/api/admin/policy", "/api/admin/decisions", "/api/admin/sync/runs", "/api/admin/sync/runs/{id}",
				"/api/admin/sync/runs/{id}/confirm", "/api/admin/sync/libraries/{code}/runs",
				"/api/admin/sync/running");
		JsonNode grantRequest = body.get("components").get("schemas").get("GrantRequest");
		assertThat(grantRequest.get("properties").propertyNames()).contains("effect", "subject", "resource", "actions",
				"validFrom", "validUntil", "validThrough", "network", "minimumVerification")
			.doesNotContain("unknownFields");
		JsonNode syncRunRequest = body.get("components").get("schemas").get("SyncRunRequest");
		assertThat(syncRunRequest.get("properties").propertyNames()).containsExactly("kind");
	}

	/**
	 * springdoc brings Jackson 2's YAML module, and Spring builds YAML converters from it (for the
	 * form converter's parts): the admin API still answers only in the formats it documents.
	 */
	@Test
	void apiWhenOnlyYamlAcceptedThenNotAcceptableNeverYaml() {
		createEbooks();

		for (String accept : new String[] { "application/yaml", "application/x-yaml", "text/yaml" }) {
			Answer answer = this.api.get("/api/admin/resources/nlc-ebooks", accept);
			assertThat(answer.status()).as(accept).isEqualTo(406);
			assertThat(answer.contentType()).as(accept).doesNotContain("yaml");
			assertThat(answer.raw()).as(accept).doesNotContain("code: nlc-ebooks");
		}
		assertThat(this.api.get("/api/admin/resources/nlc-ebooks").status()).isEqualTo(200);
	}

	@Test
	void apiDocsWhenRequestedThenEveryOperationNeedsTheBearerTokenAndStatesItsErrors() {
		JsonNode body = this.api.get("/v3/api-docs/admin").body();

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
	void apiDocsWhenRequestedThenSuccessStatusesAreTheRealOnes() {
		JsonNode paths = this.api.get("/v3/api-docs/admin").body().get("paths");

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
	void apiDocsWhenRequestedThenNullabilityAndConstraintsAreStated() {
		JsonNode schemas = this.api.get("/v3/api-docs/admin").body().get("components").get("schemas");

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

}

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

}

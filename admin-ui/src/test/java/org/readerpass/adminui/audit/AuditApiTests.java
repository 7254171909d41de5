package org.readerpass.adminui.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readerpass.adminui.testapp.AdminApiClient.json;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.readerpass.adminui.testapp.AdminApiClient.Answer;
import org.readerpass.adminui.testapp.AdminApiTestSupport;

import tools.jackson.databind.JsonNode;

/** {@code /api/admin/audit} over HTTP: what each change left behind. */
class AuditApiTests extends AdminApiTestSupport {

	@Test
	void auditWhenChangesMadeThenNewestFirstWithBeforeAndAfterAsJson() {
		createEbooks();
		String id = this.api.post("/api/admin/grants", json("effect", "allow", "subject",
				Map.of("kind", "verified", "value", "none"), "resource", "nlc-ebooks", "actions", List.of("read")))
			.body()
			.get("id")
			.asString();
		this.api.put("/api/admin/grants/" + id, json("effect", "deny", "subject", Map.of("kind", "verified", "value",
				"none"), "resource", "nlc-ebooks", "actions", List.of("read")));
		this.api.delete("/api/admin/grants/" + id);

		Answer audit = this.api.get("/api/admin/audit");
		assertThat(audit.status()).isEqualTo(200);
		JsonNode entries = audit.body().get("entries");
		assertThat(entries).extracting(entry -> entry.get("operation").asString() + " "
				+ entry.get("targetKind").asString() + " " + entry.get("targetId").asString())
			.containsExactly("delete grant " + id, "update grant " + id, "create grant " + id,
					"create resource nlc-ebooks");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.get("actor").asString()).isEqualTo("anonymous");
			assertThat(entry.get("clientId").isNull()).isTrue();
			assertThat(entry.get("at").asString()).endsWith("Z");
		});
		JsonNode update = entries.get(1);
		assertThat(update.get("before").get("effect").asString()).isEqualTo("allow");
		assertThat(update.get("after").get("effect").asString()).isEqualTo("deny");
		assertThat(update.get("after").get("id").asString()).isEqualTo(id);
		assertThat(entries.get(0).get("after").isNull()).isTrue();
		assertThat(entries.get(3).get("before").isNull()).isTrue();
		assertThat(entries.get(3).get("after"))
			.isEqualTo(this.api.get("/api/admin/resources/nlc-ebooks").body());
		assertThat(entries.get(0).get("revision").asLong()).isEqualTo(entries.get(1).get("revision").asLong() + 1);
		assertThat(audit.body().get("next").isNull()).isTrue();
	}

	@Test
	void auditWhenApplicationRecordsItsOwnChangeThenShownWithItsJsonAndNoPolicyRevision() {
		new JdbcAuditLog(this.dataSource, AuditFormat.json(), Clock.systemUTC()).recordChange(
				new Actor("zj-admin-cli", "zj-admin-cli"), "rotate", "signing-key", "ES256",
				"{\"keys\":[\"old\"]}", "{\"keys\":[\"new\",\"old\"]}");

		JsonNode entry = this.api.get("/api/admin/audit").body().get("entries").get(0);
		assertThat(entry.get("operation").asString()).isEqualTo("rotate");
		assertThat(entry.get("targetKind").asString()).isEqualTo("signing-key");
		assertThat(entry.get("targetId").asString()).isEqualTo("ES256");
		assertThat(entry.get("actor").asString()).isEqualTo("zj-admin-cli");
		assertThat(entry.get("clientId").asString()).isEqualTo("zj-admin-cli");
		assertThat(entry.get("revision").asLong()).isEqualTo(JdbcAuditLog.NO_POLICY_REVISION);
		assertThat(entry.get("before").get("keys")).hasSize(1);
		assertThat(entry.get("after").get("keys")).hasSize(2);
	}

	@Test
	void auditWhenRefusedChangesThenNoEntries() {
		createEbooks();
		this.api.post("/api/admin/resources", ebooks());
		this.api.post("/api/admin/grants", "{}");
		this.api.delete("/api/admin/resources/nothing");
		assertThat(this.api.get("/api/admin/audit").body().get("entries")).hasSize(1);
	}

	@Test
	void auditWhenLimitGivenThenPagedWithNext() {
		for (String code : List.of("a", "b", "c")) {
			this.api.post("/api/admin/resources", json("code", code, "nameZh", code, "nameEn", code, "ownerLibrary",
					"zj", "audience", "https://" + code + ".example/", "actions", List.of("read")));
		}
		Answer first = this.api.get("/api/admin/audit?limit=2");
		assertThat(first.body().get("entries")).extracting(entry -> entry.get("targetId").asString())
			.containsExactly("c", "b");
		long next = first.body().get("next").asLong();
		Answer second = this.api.get("/api/admin/audit?limit=2&before=" + next);
		assertThat(second.body().get("entries")).extracting(entry -> entry.get("targetId").asString())
			.containsExactly("a");
		assertThat(second.body().get("next").isNull()).isTrue();
	}

	@Test
	void auditWhenLimitOrBeforeInvalidThen400() {
		for (String query : List.of("limit=0", "limit=501", "limit=ten", "limit=", "before=-1", "before=x")) {
			Answer answer = this.api.get("/api/admin/audit?" + query);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.isProblem()).isTrue();
			assertThat(answer.errorFields()).as(query).containsExactly(query.substring(0, query.indexOf('=')));
		}
		assertThat(this.api.get("/api/admin/audit?limit=500").status()).isEqualTo(200);
	}

	@Test
	void auditWhenWrittenToThenMethodNotAllowed() {
		assertThat(this.api.post("/api/admin/audit", "{}").status()).isEqualTo(405);
		assertThat(this.api.delete("/api/admin/audit").status()).isEqualTo(405);
	}

}

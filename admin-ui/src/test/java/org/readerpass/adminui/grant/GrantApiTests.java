package org.readerpass.adminui.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readerpass.adminui.testapp.AdminApiClient.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.adminui.testapp.AdminApiClient.Answer;
import org.readerpass.adminui.testapp.AdminApiTestSupport;
import org.readerpass.adminui.testsupport.TestGrants;

/** {@code /api/admin/grants} over HTTP. */
class GrantApiTests extends AdminApiTestSupport {

	@BeforeEach
	void resource() {
		createEbooks();
	}

	@Test
	void createWhenValidThen201WithServerIdAndEveryField() {
		Answer created = this.api.post("/api/admin/grants",
				grant("effect", "allow", "subject", Map.of("kind", "library", "value", "zj.sx"), "actions",
						List.of("download", "read"), "validFrom", "2027-01-01T00:00:00Z", "validUntil",
						"2028-01-01T00:00:00+08:00", "network", Map.of("kind", "on-site-within", "value", "zj.sx"),
						"minimumVerification", "card"));
		assertThat(created.status()).isEqualTo(201);
		String id = created.body().get("id").asString();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(created.location()).isEqualTo("/api/admin/grants/" + id);
		assertThat(created.body().toString()).isEqualTo("{\"id\":\"" + id + "\",\"effect\":\"allow\","
				+ "\"subject\":{\"kind\":\"library\",\"value\":\"zj.sx\",\"library\":null},"
				+ "\"resource\":\"nlc-ebooks\",\"actions\":[\"download\",\"read\"],"
				+ "\"validFrom\":\"2027-01-01T00:00:00Z\",\"validUntil\":\"2027-12-31T16:00:00Z\","
				+ "\"network\":{\"kind\":\"on-site-within\",\"value\":\"zj.sx\"},"
				+ "\"minimumVerification\":\"card\",\"description\":\"ALLOW library:zj.sx nlc-ebooks "
				+ "[download, read] (valid [2027-01-01T00:00:00Z, 2027-12-31T16:00:00Z), on site within zj.sx, "
				+ "verified card)\"}");
		assertThat(this.api.get("/api/admin/grants/" + id).body()).isEqualTo(created.body());
		assertThat(this.livePolicy.current().findGrant(id)).isPresent();
	}

	@Test
	void createWhenEverySubjectAndNetworkKindThenEachStoredAsSent() {
		List<Map<String, Object>> subjects = List.of(subject("reader", TestGrants.READER.toString(), null),
				subject("account", TestGrants.ACCOUNT.toString(), null), subject("reader-type", "child", null),
				subject("library", "zj.sx.zhuji", null), subject("verified", "real-name", null));
		List<Map<String, Object>> networks = List.of(network("anywhere", null), network("on-site-at-home-library", null),
				network("on-site-within", "zj.sx"), network("in-zone", "sx-city"));
		for (Map<String, Object> subject : subjects) {
			for (Map<String, Object> network : networks) {
				Answer created = this.api.post("/api/admin/grants",
						grant("effect", "deny", "subject", subject, "actions", List.of("*"), "network", network));
				assertThat(created.status()).as(subject + " " + network).isEqualTo(201);
				assertThat(created.body().get("subject").get("kind").asString()).isEqualTo(subject.get("kind"));
				assertThat(created.body().get("subject").get("value").asString()).isEqualTo(subject.get("value"));
				assertThat(created.body().get("network").get("kind").asString()).isEqualTo(network.get("kind"));
			}
		}
		assertThat(this.api.get("/api/admin/grants?resource=nlc-ebooks").body().get("grants")).hasSize(20);
		assertThat(this.livePolicy.current().grants()).hasSize(20);
	}

	@Test
	void createWhenGroupSubjectThen400SayingGroupsAreNotSyncedAndNothingStored() {
		for (Map<String, Object> group : List.of(subject("group", "teachers", null), subject("group", "teachers", "zj.sx"))) {
			Answer refused = this.api.post("/api/admin/grants",
					grant("effect", "allow", "subject", group, "actions", List.of("read")));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.errorFields()).containsExactly("subject.kind");
			assertThat(refused.body().toString()).contains("directory groups are not synced");
		}
		assertThat(this.livePolicy.current().grants()).isEmpty();
	}

	@Test
	void createWhenEveryFieldInvalidThen400ListingEachField() {
		Answer answer = this.api.post("/api/admin/grants",
				json("id", "mine", "effect", "maybe", "subject", Map.of("kind", "martian", "value", "x"), "resource",
						"no-such-resource", "actions", List.of(), "validFrom", "yesterday", "validUntil", "2027-01-01",
						"network", Map.of("kind", "in-zone", "value", "no-zone"), "minimumVerification", "gold",
						"colour", "blue"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.isProblem()).isTrue();
		assertThat(answer.errorFields()).containsExactly("colour", "id", "effect", "subject.kind", "resource",
				"actions", "validFrom", "validUntil", "network.value", "minimumVerification");
		assertThat(this.api.get("/api/admin/grants").body().get("grants")).isEmpty();
	}

	@Test
	void createWhenRequiredFieldsMissingThen400() {
		assertThat(this.api.post("/api/admin/grants", "{}").errorFields()).containsExactly("effect", "subject",
				"resource", "actions");
	}

	@Test
	void createWhenSubjectValueWrongForItsKindThen400OnThatField() {
		assertThat(fields(subject("reader", "not-a-uuid", null))).containsExactly("subject.value");
		assertThat(fields(subject("account", "6F1C3C4E8A594D7E9A520D1C2B3A4F50", null))).containsExactly("subject.value");
		assertThat(fields(subject("library", "zj.nowhere", null))).containsExactly("subject.value");
		assertThat(fields(subject("library", "Not A Code", null))).containsExactly("subject.value");
		assertThat(fields(subject("verified", "gold", null))).containsExactly("subject.value");
		assertThat(fields(subject("reader-type", "child", "zj.nowhere"))).containsExactly("subject.library");
		assertThat(fields(subject("reader-type", "child", "zj.sx"))).containsExactly("subject.library");
		assertThat(fields(subject("reader-type", " child", null))).containsExactly("subject.value");
		assertThat(fields(subject("reader-type", "x".repeat(257), null))).containsExactly("subject.value");
		assertThat(fields(subject("library", null, null))).containsExactly("subject.value");
		Map<String, Object> typo = new HashMap<>(subject("reader-type", "child", null));
		typo.put("libary", "zj.sx");
		assertThat(fields(typo)).containsExactly("subject.libary");
	}

	@Test
	void createWhenActionsWrongThen400OnEachAction() {
		assertThat(post("actions", List.of("read", "stream", "read", "Bad")).errorFields()).containsExactly("actions[1]",
				"actions[2]", "actions[3]");
		assertThat(post("actions", List.of("*", "read")).errorFields()).containsExactly("actions");
	}

	@Test
	void createWhenValidityWrongThen400OnTheField() {
		assertThat(post("validFrom", "2027-06-01", "validUntil", "2027-01-01T00:00:00Z").errorFields())
			.containsExactly("validUntil");
		assertThat(post("validFrom", "2027-06-01", "validThrough", "2027-05-31").errorFields())
			.containsExactly("validThrough");
		assertThat(post("validUntil", "2027-01-01T00:00:00Z", "validThrough", "2027-05-31").errorFields())
			.containsExactly("validThrough");
		assertThat(post("validThrough", "31/12/2027").errorFields()).containsExactly("validThrough");
		assertThat(post("validFrom", "2027-01-01T00:00:00").errorFields()).containsExactly("validFrom");
		assertThat(post("validUntil", "+10000-01-01T00:00:00Z").errorFields()).containsExactly("validUntil");
		assertThat(post("validFrom", "1969-12-31T23:59:59Z").errorFields()).containsExactly("validFrom");
	}

	@Test
	void createWhenDatesWithoutTimeThenDaysOfTheNetworksTimeZone() {
		Answer created = post("validFrom", "2027-01-01", "validThrough", "2027-12-31");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("validFrom").asString()).isEqualTo("2026-12-31T16:00:00Z");
		assertThat(created.body().get("validUntil").asString()).isEqualTo("2027-12-31T16:00:00Z");
	}

	@Test
	void createWhenNetworkWrongThen400OnTheField() {
		assertThat(post("network", network("anywhere", "zj")).errorFields()).containsExactly("network.value");
		assertThat(post("network", network("on-site-within", null)).errorFields()).containsExactly("network.value");
		assertThat(post("network", network("on-site-within", "zj.nowhere")).errorFields())
			.containsExactly("network.value");
		assertThat(post("network", network("in-zone", "Bad Zone")).errorFields()).containsExactly("network.value");
		assertThat(post("network", network("moon", null)).errorFields()).containsExactly("network.kind");
		assertThat(post("network", Map.of("value", "zj")).errorFields()).containsExactly("network.kind");
	}

	@Test
	void createWhenStructureWrongThen400NamingTheField() {
		Answer subjectAsText = this.api.post("/api/admin/grants",
				"{\"effect\":\"allow\",\"subject\":\"everyone\",\"resource\":\"nlc-ebooks\",\"actions\":[\"read\"]}");
		assertThat(subjectAsText.status()).isEqualTo(400);
		assertThat(subjectAsText.errorFields()).containsExactly("subject");
		Answer actionAsObject = this.api.post("/api/admin/grants",
				"{\"effect\":\"allow\",\"resource\":\"nlc-ebooks\",\"actions\":[{\"a\":1}]}");
		assertThat(actionAsObject.errorFields()).containsExactly("actions[0]");
	}

	@Test
	void updateWhenValidThenReplacedInStoreAndLiveSnapshot() {
		String id = post().body().get("id").asString();
		Answer updated = this.api.put("/api/admin/grants/" + id, grant("id", id, "effect", "deny", "subject",
				subject("reader-type", "child", null), "actions", List.of("download")));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.body().get("effect").asString()).isEqualTo("deny");
		assertThat(this.livePolicy.current().findGrant(id))
			.hasValueSatisfying(grant -> assertThat(grant.describe()).startsWith("DENY reader-type:child"));
	}

	@Test
	void updateWhenIdDiffersOrUnknownThen400Or404() {
		String id = post().body().get("id").asString();
		assertThat(this.api.put("/api/admin/grants/" + id, grant("id", "other")).errorFields()).containsExactly("id");
		Answer unknown = this.api.put("/api/admin/grants/no-such-grant", grant());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.isProblem()).isTrue();
		assertThat(this.api.get("/api/admin/grants/no-such-grant").status()).isEqualTo(404);
		assertThat(this.api.delete("/api/admin/grants/no-such-grant").status()).isEqualTo(404);
	}

	@Test
	void deleteWhenStoredThen204AndGoneFromTheLiveSnapshot() {
		String id = post().body().get("id").asString();
		assertThat(this.api.delete("/api/admin/grants/" + id).status()).isEqualTo(204);
		assertThat(this.api.get("/api/admin/grants/" + id).status()).isEqualTo(404);
		assertThat(this.livePolicy.current().findGrant(id)).isEmpty();
	}

	@Test
	void listWhenFilteredByResourceThenOnlyItsGrantsOrderedByResource() {
		this.api.post("/api/admin/resources", json("code", "lectures", "nameZh", "讲座", "nameEn", "Lectures",
				"ownerLibrary", "zj.sx", "audience", "https://lectures.example/", "actions", List.of("stream")));
		post();
		this.api.post("/api/admin/grants", json("effect", "allow", "subject", subject("verified", "none", null),
				"resource", "lectures", "actions", List.of("stream")));
		assertThat(this.api.get("/api/admin/grants").body().get("grants")).extracting(grant -> grant.get("resource").asString())
			.containsExactly("lectures", "nlc-ebooks");
		assertThat(this.api.get("/api/admin/grants?resource=lectures").body().get("grants")).hasSize(1);
		assertThat(this.api.get("/api/admin/grants?resource=nothing").body().get("grants")).isEmpty();
	}

	/** A valid grant (everyone reads the e-books) with some fields replaced. */
	private static String grant(Object... replacements) {
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		fields.put("effect", "allow");
		fields.put("subject", subject("verified", "none", null));
		fields.put("resource", "nlc-ebooks");
		fields.put("actions", List.of("read"));
		for (int i = 0; i < replacements.length; i += 2) {
			fields.put((String) replacements[i], replacements[i + 1]);
		}
		List<Object> flat = new ArrayList<>();
		fields.forEach((name, value) -> flat.addAll(Arrays.asList(name, value)));
		return json(flat.toArray());
	}

	private Answer post(Object... replacements) {
		return this.api.post("/api/admin/grants", grant(replacements));
	}

	private List<String> fields(Map<String, Object> subject) {
		Answer answer = post("subject", subject);
		assertThat(answer.status()).as(subject.toString()).isEqualTo(400);
		return answer.errorFields();
	}

	private static Map<String, Object> subject(String kind, String value, String library) {
		Map<String, Object> subject = new java.util.LinkedHashMap<>();
		subject.put("kind", kind);
		subject.put("value", value);
		if (library != null) {
			subject.put("library", library);
		}
		return subject;
	}

	private static Map<String, Object> network(String kind, String value) {
		Map<String, Object> network = new java.util.LinkedHashMap<>();
		network.put("kind", kind);
		if (value != null) {
			network.put("value", value);
		}
		return network;
	}

}

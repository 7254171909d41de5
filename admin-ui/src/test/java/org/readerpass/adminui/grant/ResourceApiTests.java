package org.readerpass.adminui.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readerpass.adminui.testapp.AdminApiClient.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.readerpass.adminui.testapp.AdminApiClient.Answer;
import org.readerpass.adminui.testapp.AdminApiTestSupport;

/** {@code /api/admin/resources} over HTTP. */
class ResourceApiTests extends AdminApiTestSupport {

	@Test
	void createWhenValidThen201WithLocationAndTheResource() {
		Answer created = this.api.post("/api/admin/resources", ebooks());
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).isEqualTo("/api/admin/resources/nlc-ebooks");
		assertThat(created.contentType()).startsWith("application/json");
		assertThat(created.body().toString()).isEqualTo("{\"code\":\"nlc-ebooks\",\"nameZh\":\"国家图书馆电子书\","
				+ "\"nameEn\":\"NLC e-books\",\"ownerLibrary\":\"zj\",\"audience\":\"https://ebooks.nlc.example/\","
				+ "\"actions\":[\"read\",\"download\"]}");
		assertThat(this.api.get("/api/admin/resources/nlc-ebooks").body()).isEqualTo(created.body());
		assertThat(this.api.get("/api/admin/resources").body().get("resources")).containsExactly(created.body());
	}

	@Test
	void createWhenEveryFieldInvalidThen400ListingEachField() {
		Answer answer = this.api.post("/api/admin/resources",
				json("code", "Bad Code", "nameZh", " ", "ownerLibrary", "zj.nowhere", "audience", "relative/path",
						"actions", List.of("read", "read", "Bad"), "colour", "blue"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.isProblem()).isTrue();
		assertThat(answer.body().get("type").asString()).isEqualTo("urn:readerpass:problem:invalid-request");
		assertThat(answer.body().get("title").asString()).isEqualTo("Invalid request");
		assertThat(answer.body().get("status").asInt()).isEqualTo(400);
		assertThat(answer.body().get("instance").asString()).isEqualTo("/api/admin/resources");
		assertThat(answer.errorFields()).containsExactly("colour", "code", "nameZh", "nameEn", "ownerLibrary",
				"audience", "actions[1]", "actions[2]");
		assertThat(answer.body().get("detail").asString()).contains("ownerLibrary: no library 'zj.nowhere'");
		assertThat(this.api.get("/api/admin/resources").body().get("resources")).isEmpty();
	}

	@Test
	void createWhenAudienceHasFragmentOrIsNotAsciiOrOwnerMalformedThen400() {
		assertThat(this.api.post("/api/admin/resources", resource("a", "https://a.example/#part", "zj")).errorFields())
			.containsExactly("audience");
		assertThat(this.api.post("/api/admin/resources", resource("a", "https://图书.example/", "zj")).errorFields())
			.containsExactly("audience");
		assertThat(this.api.post("/api/admin/resources", resource("a", "https://a.example/", "ZJ")).errorFields())
			.containsExactly("ownerLibrary");
		assertThat(this.api.post("/api/admin/resources", resource("a", "https://a.example/", "zj.sx")).status())
			.isEqualTo(201);
	}

	@Test
	void createWhenTooManyActionsOrNoneOrTooLongThen400() {
		List<String> many = java.util.stream.IntStream.range(0, 65).mapToObj(i -> "a" + i).toList();
		assertThat(this.api.post("/api/admin/resources", json("code", "a", "nameZh", "a", "nameEn", "a", "ownerLibrary",
				"zj", "audience", "https://a.example/", "actions", many)).errorFields()).containsExactly("actions");
		assertThat(this.api.post("/api/admin/resources", json("code", "a", "nameZh", "长".repeat(257), "nameEn", "a",
				"ownerLibrary", "zj", "audience", "https://a.example/" + "p".repeat(1024), "actions", List.of()))
			.errorFields()).containsExactly("nameZh", "audience", "actions");
	}

	@Test
	void createWhenCodeOrAudienceTakenThen409NamingTheField() {
		createEbooks();
		Answer sameCode = this.api.post("/api/admin/resources", resource("nlc-ebooks", "https://other.example/", "zj"));
		assertThat(sameCode.status()).isEqualTo(409);
		assertThat(sameCode.isProblem()).isTrue();
		assertThat(sameCode.body().get("field").asString()).isEqualTo("code");
		assertThat(sameCode.body().get("type").asString()).isEqualTo("urn:readerpass:problem:conflict");
		Answer sameAudience = this.api.post("/api/admin/resources",
				resource("other", "https://ebooks.nlc.example/", "zj"));
		assertThat(sameAudience.status()).isEqualTo(409);
		assertThat(sameAudience.body().get("field").asString()).isEqualTo("audience");
		assertThat(sameAudience.body().get("detail").asString()).contains("nlc-ebooks");
	}

	@Test
	void createWhenBodyMalformedThen400NeverAStackTrace() {
		Answer notJson = this.api.post("/api/admin/resources", "{\"code\": ");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.isProblem()).isTrue();
		assertThat(notJson.errorFields()).containsExactly((String) null);
		Answer wrongType = this.api.post("/api/admin/resources", "{\"code\": \"a\", \"actions\": {\"read\": true}}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.errorFields()).containsExactly("actions");
		Answer noBody = this.api.post("/api/admin/resources", "");
		assertThat(noBody.status()).isEqualTo(400);
		assertThat(noBody.isProblem()).isTrue();
		Answer array = this.api.post("/api/admin/resources", "[]");
		assertThat(array.status()).isEqualTo(400);
		for (Answer answer : List.of(notJson, wrongType, noBody, array)) {
			assertThat(answer.raw()).doesNotContain("Exception", "at org.", "at java.");
		}
	}

	@Test
	void createWhenNotJsonContentTypeThen415Problem() {
		Answer answer = this.api.send("POST", "/api/admin/resources", "text/plain", ebooks());
		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.isProblem()).isTrue();
	}

	@Test
	void updateWhenValidThenReplacedAndLiveSnapshotHasIt() {
		createEbooks();
		Answer updated = this.api.put("/api/admin/resources/nlc-ebooks",
				json("nameZh", "电子书", "nameEn", "E-books", "ownerLibrary", "zj.sx", "audience",
						"https://ebooks.nlc.example/v2", "actions", List.of("read", "download", "stream")));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.body().get("code").asString()).isEqualTo("nlc-ebooks");
		assertThat(updated.body().get("ownerLibrary").asString()).isEqualTo("zj.sx");
		assertThat(this.livePolicy.current().resources().findByAudience("https://ebooks.nlc.example/v2"))
			.hasValueSatisfying(resource -> assertThat(resource.actions()).containsExactly("read", "download", "stream"));
	}

	@Test
	void updateWhenCodeDiffersFromPathThen400() {
		createEbooks();
		Answer answer = this.api.put("/api/admin/resources/nlc-ebooks", resource("other", "https://a.example/", "zj"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorFields()).containsExactly("code");
	}

	@Test
	void updateOrGetOrDeleteWhenUnknownThen404Problem() {
		for (Answer answer : List.of(this.api.put("/api/admin/resources/nothing", ebooks()),
				this.api.get("/api/admin/resources/nothing"), this.api.delete("/api/admin/resources/nothing"),
				this.api.get("/api/admin/resources/NOT%20A%20CODE"))) {
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.isProblem()).isTrue();
			assertThat(answer.body().get("type").asString()).isEqualTo("urn:readerpass:problem:not-found");
		}
	}

	@Test
	void updateWhenDroppingAnActionAGrantNamesThen409() {
		createEbooks();
		this.api.post("/api/admin/grants", json("effect", "allow", "subject", Map.of("kind", "verified", "value", "none"),
				"resource", "nlc-ebooks", "actions", List.of("download")));
		Answer answer = this.api.put("/api/admin/resources/nlc-ebooks", json("nameZh", "x", "nameEn", "x",
				"ownerLibrary", "zj", "audience", "https://ebooks.nlc.example/", "actions", List.of("read")));
		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.body().get("field").asString()).isEqualTo("actions");
	}

	@Test
	void deleteWhenGrantsNameItThen409ElseGone() {
		createEbooks();
		String grant = this.api.post("/api/admin/grants", json("effect", "allow", "subject",
				Map.of("kind", "verified", "value", "none"), "resource", "nlc-ebooks", "actions", List.of("read")))
			.body()
			.get("id")
			.asString();
		Answer refused = this.api.delete("/api/admin/resources/nlc-ebooks");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("detail").asString()).contains(grant);
		assertThat(this.api.delete("/api/admin/grants/" + grant).status()).isEqualTo(204);
		assertThat(this.api.delete("/api/admin/resources/nlc-ebooks").status()).isEqualTo(204);
		assertThat(this.api.get("/api/admin/resources/nlc-ebooks").status()).isEqualTo(404);
		assertThat(this.livePolicy.current().resources().find("nlc-ebooks")).isEmpty();
	}

	@Test
	void requestWhenNoControllerTakesItThenTheApplicationsProblem() {
		// answered by Spring Boot's problem details (spring.mvc.problemdetails.enabled), which admin-ui leaves on
		Answer patch = this.api.send("PATCH", "/api/admin/resources/nlc-ebooks", "application/json", "{}");
		assertThat(patch.status()).isEqualTo(405);
		assertThat(patch.isProblem()).isTrue();
		Answer unknownPath = this.api.get("/api/admin/nothing-here");
		assertThat(unknownPath.status()).isEqualTo(404);
		assertThat(unknownPath.isProblem()).isTrue();
	}

	private static String resource(String code, String audience, String owner) {
		return json("code", code, "nameZh", "名", "nameEn", "name", "ownerLibrary", owner, "audience", audience,
				"actions", List.of("read"));
	}

}

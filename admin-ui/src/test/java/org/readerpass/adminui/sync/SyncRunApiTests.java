package org.readerpass.adminui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.adminui.synctestapp.SyncTestApplication;
import org.readerpass.adminui.testapp.AdminApiClient;
import org.readerpass.adminui.testapp.AdminApiClient.Answer;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.DemoReader;
import org.readerpass.ldapsync.testsupport.DemoReaders;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/admin/sync} over HTTP, against the demo network's embedded directories. The tests
 * share one application; each works on a library of its own, so their runs never mix.
 */
@SpringBootTest(classes = SyncTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=classpath:" + DemoDirectories.YAML,
				"spring.datasource.url=jdbc:h2:mem:admin-sync-api-test;DB_CLOSE_DELAY=-1",
				"readerpass.directory.startup-sync=false", "readerpass.directory.schedule-enabled=false",
				"readerpass.admin.policy-poll-interval=0", "spring.mvc.problemdetails.enabled=true",
				"server.error.include-stacktrace=never" })
class SyncRunApiTests {

	private static final String FULL = AdminApiClient.json("kind", "full");

	private static final String INCREMENTAL = AdminApiClient.json("kind", "incremental");

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedDirectories directories;

	private AdminApiClient api;

	@BeforeEach
	void client() {
		this.api = new AdminApiClient(this.port);
	}

	@Test
	void runWhenFullThen201WithTheRunAndLocation() {
		Answer run = this.api.post("/api/admin/sync/libraries/zj.sx.shangyu/runs", FULL);
		assertThat(run.status()).isEqualTo(201);
		JsonNode body = run.body();
		String id = body.get("id").asString();
		assertThat(run.location()).isEqualTo("/api/admin/sync/runs/" + id);
		assertThat(body.get("library").asString()).isEqualTo("zj.sx.shangyu");
		assertThat(body.get("kind").asString()).isEqualTo("full");
		assertThat(body.get("error").isNull()).isTrue();
		assertThat(body.get("brakeReason").isNull()).isTrue();
		assertThat(body.get("confirmable").asBoolean()).isFalse();
		assertThat(body.get("counts").get("read").asInt()).isPositive();
		assertThat(body.get("started").asString()).endsWith("Z");
		assertThat(body.get("finished").asString()).endsWith("Z");

		Answer one = this.api.get(run.location());
		assertThat(one.status()).isEqualTo(200);
		for (String field : List.of("id", "library", "kind", "counts", "failures", "brakeReason", "confirmable",
				"confirmsRun", "error", "highWaterMark")) {
			assertThat(one.body().get(field)).as(field).isEqualTo(body.get(field));
		}
	}

	@Test
	void listWhenRunsThenNewestFirstWithHighWaterMark() {
		String first = this.api.post("/api/admin/sync/libraries/zj.sx.keqiao/runs", FULL).body().get("id").asString();
		Answer second = this.api.post("/api/admin/sync/libraries/zj.sx.keqiao/runs", FULL);
		assertThat(second.body().get("counts").get("created").asInt()).isZero();
		assertThat(second.body().get("counts").get("unchanged").asInt())
			.isEqualTo(second.body().get("counts").get("read").asInt());

		Answer list = this.api.get("/api/admin/sync/runs?library=zj.sx.keqiao");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().get("library").asString()).isEqualTo("zj.sx.keqiao");
		assertThat(list.body().get("runs")).extracting((run) -> run.get("id").asString())
			.containsExactly(second.body().get("id").asString(), first);
		assertThat(list.body().get("highWaterMark").get("timestamp").asString()).endsWith("Z");
		assertThat(list.body().get("highWaterMark").get("runDuration").asString()).startsWith("PT");
		assertThat(this.api.get("/api/admin/sync/runs?library=zj.sx.keqiao&limit=1").body().get("runs"))
			.extracting((run) -> run.get("id").asString())
			.containsExactly(second.body().get("id").asString());
	}

	@Test
	void runWhenIncrementalThenOnlyAfterACompleteFullRunAndListedByKind() {
		Answer early = this.api.post("/api/admin/sync/libraries/zj.sx.jinghu/runs", INCREMENTAL);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.isProblem()).isTrue();
		assertThat(early.body().get("type").asString()).isEqualTo("urn:readerpass:problem:conflict");
		assertThat(early.body().get("detail").asString()).contains("high-water mark");

		Answer fullRun = this.api.post("/api/admin/sync/libraries/zj.sx.jinghu/runs", FULL);
		String full = fullRun.body().get("id").asString();
		assertThat(fullRun.body().get("counts").get("failed").asInt()).isEqualTo(1); // the demo's malformed entry
		assertThat(fullRun.body().get("failures")).hasSize(1);
		Answer incremental = this.api.post("/api/admin/sync/libraries/zj.sx.jinghu/runs", INCREMENTAL);
		assertThat(incremental.status()).isEqualTo(201);
		assertThat(incremental.body().get("kind").asString()).isEqualTo("incremental");
		assertThat(incremental.body().get("error").isNull()).isTrue();

		assertThat(this.api.get("/api/admin/sync/runs?library=zj.sx.jinghu&kind=incremental").body().get("runs"))
			.extracting((run) -> run.get("id").asString())
			.containsExactly(incremental.body().get("id").asString());
		assertThat(this.api.get("/api/admin/sync/runs?library=zj.sx.jinghu&kind=full").body().get("runs"))
			.extracting((run) -> run.get("id").asString())
			.containsExactly(full);
		assertThat(this.api.get("/api/admin/sync/runs?library=zj.sx.jinghu").body().get("runs")).hasSize(2);
	}

	@Test
	void confirmWhenBrakedForTooManyMissingThenNewRunSuspendsThem() throws LDAPException {
		String library = DemoLibrary.ZHUJI.code();
		assertThat(this.api.post("/api/admin/sync/libraries/" + library + "/runs", FULL).status()).isEqualTo(201);
		List<DemoReader> gone = DemoReaders.of(DemoLibrary.ZHUJI).subList(0, 4);
		deleteFromDirectory(DemoLibrary.ZHUJI, gone);

		Answer braked = this.api.post("/api/admin/sync/libraries/" + library + "/runs", FULL);
		assertThat(braked.status()).isEqualTo(201);
		assertThat(braked.body().get("brakeReason").asString()).isEqualTo("too-many-missing");
		assertThat(braked.body().get("confirmable").asBoolean()).isTrue();
		assertThat(braked.body().get("counts").get("missing").asInt()).isEqualTo(gone.size());
		assertThat(braked.body().get("counts").get("suspended").asInt()).isZero();
		String brakedId = braked.body().get("id").asString();

		Answer confirmed = this.api.post("/api/admin/sync/runs/" + brakedId + "/confirm", "");
		assertThat(confirmed.status()).isEqualTo(201);
		assertThat(confirmed.location()).isEqualTo("/api/admin/sync/runs/" + confirmed.body().get("id").asString());
		assertThat(confirmed.body().get("confirmsRun").asString()).isEqualTo(brakedId);
		assertThat(confirmed.body().get("brakeReason").isNull()).isTrue();
		assertThat(confirmed.body().get("counts").get("suspended").asInt()).isEqualTo(gone.size());

		Answer again = this.api.post("/api/admin/sync/runs/" + brakedId + "/confirm", "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body().get("type").asString()).isEqualTo("urn:readerpass:problem:conflict");
		assertThat(again.body().get("field").asString()).isEqualTo("id");
	}

	@Test
	void confirmWhenRunNotBrakedThen409() {
		String id = this.api.post("/api/admin/sync/libraries/zj.sx.xinchang/runs", FULL).body().get("id").asString();
		Answer confirm = this.api.post("/api/admin/sync/runs/" + id + "/confirm", "");
		assertThat(confirm.status()).isEqualTo(409);
		assertThat(confirm.isProblem()).isTrue();
		assertThat(confirm.body().get("detail").asString()).contains("nothing to confirm");
		assertThat(this.api.get("/api/admin/sync/runs?library=zj.sx.xinchang").body().get("runs")).hasSize(1);
	}

	@Test
	void runWhenDirectoryDownThenRunWithErrorAndBrakeReasonNotConfirmable() {
		String library = DemoLibrary.YUECHENG.code();
		this.directories.stop(library);
		Answer run;
		try {
			run = this.api.post("/api/admin/sync/libraries/" + library + "/runs", FULL);
		}
		finally {
			this.directories.start(library);
		}
		assertThat(run.status()).isEqualTo(201);
		assertThat(run.body().get("error").asString()).isNotBlank();
		assertThat(run.body().get("brakeReason").asString()).isEqualTo("directory-unreachable");
		assertThat(run.body().get("confirmable").asBoolean()).isFalse();
		assertThat(run.body().get("counts").get("suspended").asInt()).isZero();
		Answer confirm = this.api.post("/api/admin/sync/runs/" + run.body().get("id").asString() + "/confirm", "");
		assertThat(confirm.status()).isEqualTo(409);
		assertThat(confirm.body().get("field").asString()).isEqualTo("id");
	}

	@Test
	void requestsWhenUnknownLibraryOrRunThen404() {
		String unknownRun = "/api/admin/sync/runs/" + UUID.randomUUID();
		for (Answer answer : List.of(this.api.get("/api/admin/sync/runs?library=nowhere"),
				this.api.post("/api/admin/sync/libraries/nowhere/runs", FULL), this.api.get(unknownRun),
				this.api.post(unknownRun + "/confirm", ""))) {
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.isProblem()).isTrue();
			assertThat(answer.body().get("type").asString()).isEqualTo("urn:readerpass:problem:not-found");
			assertThat(answer.raw()).doesNotContain("Exception").doesNotContain("\tat ");
		}
	}

	@Test
	void listWhenParametersInvalidThen400WithEveryField() {
		Answer answer = this.api.get("/api/admin/sync/runs?kind=weekly&limit=201");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.isProblem()).isTrue();
		assertThat(answer.body().get("type").asString()).isEqualTo("urn:readerpass:problem:invalid-request");
		assertThat(answer.errorFields()).containsExactly("library", "kind", "limit");
		for (String limit : List.of("0", "abc", "-1", "1.5")) {
			assertThat(this.api.get("/api/admin/sync/runs?library=zj&limit=" + limit).errorFields()).as(limit)
				.containsExactly("limit");
		}
	}

	@Test
	void runWhenBodyInvalidThen400() {
		String path = "/api/admin/sync/libraries/zj/runs";
		assertThat(this.api.post(path, AdminApiClient.json("kind", "weekly")).errorFields()).containsExactly("kind");
		assertThat(this.api.post(path, "{}").errorFields()).containsExactly("kind");
		assertThat(this.api.post(path, AdminApiClient.json("kind", "full", "libary", "zj")).errorFields())
			.containsExactly("libary");
		assertThat(this.api.post(path, "").status()).isEqualTo(400);
		assertThat(this.api.post(path, "[1").status()).isEqualTo(400);
		assertThat(this.api.get("/api/admin/sync/runs?library=zj").body().get("runs")).isEmpty();
	}

	@Test
	void getWhenIdNotARunIdThen400() {
		for (Answer answer : List.of(this.api.get("/api/admin/sync/runs/not-a-uuid"),
				this.api.post("/api/admin/sync/runs/1-2-3-4-5/confirm", ""))) {
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.errorFields()).containsExactly("id");
		}
	}

	private void deleteFromDirectory(DemoLibrary library, List<DemoReader> readers) throws LDAPException {
		URI url = URI.create(this.directories.url(library.code()).orElseThrow());
		try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(), library.syncBindDn(),
				DemoLibrary.SYNC_PASSWORD)) {
			for (DemoReader reader : readers) {
				connection.delete(reader.dn());
			}
		}
	}

}

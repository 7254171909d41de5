package org.readerpass.adminui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.readerpass.adminui.synctestapp.SyncTestApplication;
import org.readerpass.adminui.testapp.AdminApiClient;
import org.readerpass.adminui.testapp.AdminApiClient.Answer;
import org.readerpass.ldapsync.sync.RunningSync;
import org.readerpass.ldapsync.sync.RunningSyncs;
import org.readerpass.ldapsync.sync.SyncKind;
import org.readerpass.ldapsync.testsupport.DemoDirectories;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Progress of the runs in flight: {@code GET /api/admin/sync/running} and the {@code running} field
 * of a library's run list, with a run in flight played by a {@link RunningSyncs} of the test's own
 * (a real run of a demo directory ends in milliseconds).
 */
@SpringBootTest(classes = SyncTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=classpath:" + DemoDirectories.YAML,
				"spring.datasource.url=jdbc:h2:mem:admin-sync-running-test;DB_CLOSE_DELAY=-1",
				"readerpass.directory.startup-sync=false", "readerpass.directory.schedule-enabled=false",
				"readerpass.admin.policy-poll-interval=0", "spring.mvc.problemdetails.enabled=true",
				"server.error.include-stacktrace=never" })
@Import(SyncRunningApiTests.InFlight.class)
class SyncRunningApiTests {

	static final RunningSync FULL_RUN = new RunningSync(UUID.fromString("6f1c1a52-93c4-4a43-9e0e-2b7a1d3f0c11"), "zj",
			SyncKind.FULL, Instant.parse("2026-11-25T13:00:00Z"), 412_000, 1_000_000L);

	static final RunningSync PERSIST = new RunningSync(UUID.fromString("0d7f3c1e-5b2a-4f6e-8c9d-1a2b3c4d5e6f"),
			"zj.sx.zhuji", SyncKind.PERSIST, Instant.parse("2026-11-25T12:00:00Z"), 17, null);

	@LocalServerPort
	private int port;

	@Test
	void runningWhenRunsInFlightThenEachWithProgress() {
		Answer answer = new AdminApiClient(this.port).get("/api/admin/sync/running");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).hasSize(2);
		JsonNode full = answer.body().get(0);
		assertThat(full.get("id").asString()).isEqualTo(FULL_RUN.runId().toString());
		assertThat(full.get("library").asString()).isEqualTo("zj");
		assertThat(full.get("kind").asString()).isEqualTo("full");
		assertThat(full.get("started").asString()).isEqualTo("2026-11-25T13:00:00Z");
		assertThat(full.get("done").asLong()).isEqualTo(412_000);
		assertThat(full.get("expected").asLong()).isEqualTo(1_000_000);
		assertThat(answer.body().get(1).get("kind").asString()).isEqualTo("persist");
		assertThat(answer.body().get(1).get("expected").isNull()).isTrue();
	}

	@Test
	void listWhenLibraryHasARunInFlightThenItIsTheRunningField() {
		AdminApiClient api = new AdminApiClient(this.port);
		JsonNode zj = api.get("/api/admin/sync/runs?library=zj").body();
		assertThat(zj.get("running").get("done").asLong()).isEqualTo(412_000);
		assertThat(zj.get("running").get("expected").asLong()).isEqualTo(1_000_000);
		assertThat(api.get("/api/admin/sync/runs?library=zj.sx").body().get("running").isNull()).isTrue();
		assertThat(api.get("/api/admin/sync/runs?library=zj.sx.zhuji&kind=persist").status()).isEqualTo(200);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class InFlight {

		@Bean
		@Primary
		RunningSyncs inFlight() {
			return new RunningSyncs() {

				@Override
				public List<RunningSync> running() {
					return List.of(FULL_RUN, PERSIST);
				}

				@Override
				public Optional<RunningSync> running(String libraryCode) {
					return running().stream().filter((run) -> run.libraryCode().equals(libraryCode)).findFirst();
				}

			};
		}

	}

}

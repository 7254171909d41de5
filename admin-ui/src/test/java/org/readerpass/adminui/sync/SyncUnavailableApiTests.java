package org.readerpass.adminui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.adminui.testapp.AdminApiClient;
import org.readerpass.adminui.testapp.AdminApiClient.Answer;
import org.readerpass.adminui.testapp.AdminApiTestSupport;

/** {@code /api/admin/sync} in an application without ldap-sync's sync beans (the policy API's test app). */
class SyncUnavailableApiTests extends AdminApiTestSupport {

	@Test
	void syncRequestsWhenNoSyncBeansThen503Problem() {
		for (Answer answer : List.of(this.api.get("/api/admin/sync/runs?library=zj"),
				this.api.post("/api/admin/sync/libraries/zj/runs", AdminApiClient.json("kind", "full")),
				this.api.get("/api/admin/sync/runs/6f1c3c4e-8a59-4d7e-9a52-0d1c2b3a4f50"))) {
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.isProblem()).isTrue();
			assertThat(answer.body().get("type").asString()).isEqualTo("urn:readerpass:problem:sync-unavailable");
		}
	}

}

package org.readerpass.adminui.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readerpass.adminui.testapp.AdminApiClient.json;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.adminui.livepolicy.LocalPolicyChanges;
import org.readerpass.adminui.testapp.AdminApiClient.Answer;
import org.readerpass.adminui.testapp.AdminApiTestSupport;
import org.readerpass.adminui.testsupport.TestAccounts;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.policy.testsupport.TestNetworks;

import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The live snapshot over HTTP: a change reaches {@code LivePolicy.current()} through
 * {@code PolicyChanges} (the test application polls nothing), and the decision explainer.
 */
class LivePolicyApiTests extends AdminApiTestSupport {

	private static final AtomicInteger signals = new AtomicInteger();

	private static boolean subscribed;

	@Autowired
	private LocalPolicyChanges changes;

	@BeforeEach
	void countSignals() {
		if (!subscribed) {
			this.changes.subscribe(signals::incrementAndGet);
			subscribed = true;
		}
		createEbooks();
	}

	@Test
	void changeWhenCommittedThenSignalledAndInTheLiveSnapshotBeforeTheAnswer() {
		int before = signals.get();
		long revision = this.livePolicy.status().revision();
		String id = this.api.post("/api/admin/grants", onSiteDownload()).body().get("id").asString();
		assertThat(signals.get()).isEqualTo(before + 1);
		assertThat(this.livePolicy.current().findGrant(id)).isPresent();
		assertThat(this.livePolicy.status().revision()).isEqualTo(revision + 1);
		this.api.post("/api/admin/grants", "{}");
		assertThat(signals.get()).as("a refused change signals nothing").isEqualTo(before + 1);
	}

	@Test
	void decisionsWhenAccountOnSiteThenAllowedWithReasons() {
		this.api.post("/api/admin/grants", onSiteDownload());
		ReaderAccount child = TestAccounts.byCard(this.accounts, "ZH0001");
		Answer answer = this.api.get("/api/admin/decisions?reader=" + child.id() + "&resource=nlc-ebooks&address="
				+ TestNetworks.AT_ZHUJI);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("resource").asString()).isEqualTo("nlc-ebooks");
		assertThat(answer.body().get("address").asString()).isEqualTo(TestNetworks.AT_ZHUJI);
		assertThat(answer.body().get("location").get("libraries")).extracting(JsonNode::asString)
			.containsExactly("zj.sx.zhuji");
		assertThat(answer.body().get("location").get("zones")).extracting(JsonNode::asString)
			.containsExactly("sx-city");
		assertThat(answer.body().get("revision").asLong()).isEqualTo(this.livePolicy.status().revision());
		JsonNode decision = answer.body().get("decisions").get(0);
		assertThat(decision.get("accountId").asString()).isEqualTo(child.id().toString());
		assertThat(decision.get("homeLibrary").asString()).isEqualTo("zj.sx.zhuji");
		assertThat(decision.get("readerType").asString()).isEqualTo("child");
		assertThat(decision.get("allowedActions")).extracting(JsonNode::asString).containsExactly("download");
		assertThat(decision.get("reasons").get(0).get("applied").asBoolean()).isTrue();
		assertThat(decision.get("explanation")).extracting(JsonNode::asString)
			.anySatisfy(line -> assertThat(line).contains("applied"))
			.last()
			.isEqualTo("allowed [download]");
	}

	@Test
	void decisionsWhenAddressUnknownOrElsewhereThenConditionFailureExplained() {
		this.api.post("/api/admin/grants", onSiteDownload());
		ReaderAccount child = TestAccounts.byCard(this.accounts, "ZH0001");
		JsonNode noAddress = this.api.get("/api/admin/decisions?reader=" + child.id() + "&resource=nlc-ebooks")
			.body();
		assertThat(noAddress.get("address").isNull()).isTrue();
		assertThat(noAddress.get("location").isNull()).isTrue();
		JsonNode reason = noAddress.get("decisions").get(0).get("reasons").get(0);
		assertThat(reason.get("applied").asBoolean()).isFalse();
		assertThat(reason.get("failures")).extracting(JsonNode::asString).containsExactly("client address unknown");
		JsonNode outside = this.api.get("/api/admin/decisions?reader=" + child.id() + "&resource=nlc-ebooks&address="
				+ TestNetworks.OUTSIDE).body();
		assertThat(outside.get("decisions").get(0).get("allowedActions")).isEmpty();
		assertThat(outside.get("location").get("libraries")).isEmpty();
	}

	@Test
	void decisionsWhenReaderIdThenOneDecisionPerAccount() {
		this.api.post("/api/admin/grants", json("effect", "allow", "subject", Map.of("kind", "library", "value", "zj.sx"),
				"resource", "nlc-ebooks", "actions", List.of("read"), "network",
				Map.of("kind", "on-site-at-home-library")));
		ReaderAccount sx = TestAccounts.byCard(this.accounts, "SX0002");
		Answer answer = this.api.get("/api/admin/decisions?reader=" + sx.readerId() + "&resource=nlc-ebooks&address="
				+ "10.30.20.1");
		assertThat(answer.body().get("decisions")).extracting(decision -> decision.get("homeLibrary").asString() + " "
				+ decision.get("allowedActions"))
			.containsExactly("zj []", "zj.sx [\"read\"]");
	}

	@Test
	void decisionsWhenAtGivenThenEvaluatedThen() {
		this.api.post("/api/admin/grants", json("effect", "allow", "subject", Map.of("kind", "verified", "value", "none"),
				"resource", "nlc-ebooks", "actions", List.of("read"), "validFrom", "2030-01-01T00:00:00Z"));
		String account = TestAccounts.byCard(this.accounts, "ZH0001").id().toString();
		JsonNode now = this.api.get("/api/admin/decisions?reader=" + account + "&resource=nlc-ebooks").body();
		assertThat(now.get("decisions").get(0).get("allowedActions")).isEmpty();
		assertThat(now.get("decisions").get(0).get("changesAt").asString()).isEqualTo("2030-01-01T00:00:00Z");
		JsonNode later = this.api
			.get("/api/admin/decisions?reader=" + account + "&resource=nlc-ebooks&at=2030-06-01T00:00:00%2B08:00")
			.body();
		assertThat(later.get("at").asString()).isEqualTo("2030-05-31T16:00:00Z");
		assertThat(later.get("decisions").get(0).get("allowedActions")).extracting(JsonNode::asString)
			.containsExactly("read");
	}

	@Test
	void decisionsWhenParametersInvalidThen400ListingEach() {
		Answer answer = this.api.get("/api/admin/decisions?reader=someone&address=cafe&at=tomorrow");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorFields()).containsExactly("reader", "resource", "address", "at");
		assertThat(this.api.get("/api/admin/decisions?reader=" + TestAccounts.byCard(this.accounts, "ZH0001").id()
				+ "&resource=nlc-ebooks&address=1.2.3.4.5").errorFields()).containsExactly("address");
	}

	@Test
	void decisionsWhenIPv6AddressThenLocated() {
		String account = TestAccounts.byCard(this.accounts, "ZH0001").id().toString();
		JsonNode answer = this.api.get("/api/admin/decisions?reader=" + account + "&resource=nlc-ebooks&address="
				+ TestNetworks.AT_ZHUJI_V6).body();
		assertThat(answer.get("location").get("libraries")).extracting(JsonNode::asString)
			.containsExactly("zj.sx.zhuji");
	}

	@Test
	void decisionsWhenReaderOrResourceUnknownThen404() {
		Answer reader = this.api.get("/api/admin/decisions?reader=00000000-0000-0000-0000-000000000000&resource=nlc-ebooks");
		assertThat(reader.status()).isEqualTo(404);
		assertThat(reader.isProblem()).isTrue();
		Answer resource = this.api.get("/api/admin/decisions?reader="
				+ TestAccounts.byCard(this.accounts, "ZH0001").id() + "&resource=nothing");
		assertThat(resource.status()).isEqualTo(404);
	}

	@Test
	void policyWhenRequestedThenRevisionCountsAndNoProblems() {
		this.api.post("/api/admin/grants", onSiteDownload());
		JsonNode status = this.api.get("/api/admin/policy").body();
		assertThat(status.get("revision").asLong()).isEqualTo(this.livePolicy.status().revision());
		assertThat(status.get("resources").asInt()).isEqualTo(1);
		assertThat(status.get("grants").asInt()).isEqualTo(1);
		assertThat(status.get("problems")).isEmpty();
		assertThat(status.get("loadedAt").asString()).endsWith("Z");
	}

	/** Readers of Zhuji may download the e-books on site anywhere in Shaoxing. */
	private static String onSiteDownload() {
		return json("effect", "allow", "subject", Map.of("kind", "library", "value", "zj.sx.zhuji"), "resource",
				"nlc-ebooks", "actions", List.of("download"), "network",
				Map.of("kind", "on-site-within", "value", "zj.sx"));
	}

}

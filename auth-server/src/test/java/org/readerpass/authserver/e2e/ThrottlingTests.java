package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.audit.RecordedSecurityEvent;
import org.readerpass.authserver.audit.SecurityEvents;
import org.readerpass.authserver.e2e.Browser.Page;
import org.readerpass.ldapsync.testsupport.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force and rate limits over real HTTP (issue 11, point 3), on a server of its own with low
 * limits and a clock the tests move (never a sleep): per account, two wrong passwords are free,
 * the third makes the next attempt wait 1 s, the fourth 2 s, the fifth locks for 15 minutes; per
 * address, six are free, the seventh makes the address wait, the eighth locks it. Each test signs
 * in from addresses of its own (the loopback test client is a trusted proxy).
 */
@SpringBootTest(classes = ReaderPassApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:readerpass-throttling-test;DB_CLOSE_DELAY=-1",
				"readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY,
				"readerpass.subject.pairwise-key=" + ReaderPassServerTest.TEST_PAIRWISE_KEY,
				"readerpass.network.trusted-proxies[0]=127.0.0.1/32",
				"readerpass.abuse.login.account.free-failures=2", "readerpass.abuse.login.account.first-delay=1s",
				"readerpass.abuse.login.account.max-delay=4s", "readerpass.abuse.login.account.lock-after=5",
				"readerpass.abuse.login.address.free-failures=6", "readerpass.abuse.login.address.max-delay=1s",
				"readerpass.abuse.login.address.lock-after=8", "readerpass.abuse.rates.token-per-client=3",
				"readerpass.abuse.rates.token-window=1m", "readerpass.abuse.rates.device-authorization=2" })
@Import(ThrottlingTests.MovingClock.class)
@DirtiesContext
class ThrottlingTests {

	private static final String BAD_CREDENTIALS = "读者证号或密码不正确。";

	private static final String LOCKED = "尝试次数过多，请 15 分钟后再试。";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	SecurityEvents events;

	@Autowired
	MeterRegistry meters;

	private Browser browserAt(String address) {
		return new Browser(URI.create("http://localhost:" + this.port), address);
	}

	private static Page login(Browser browser, String card, String password) {
		return browser.login(browser.get("/login"), card, password);
	}

	@Test
	void loginWhenWrongPasswordsPastTheFreeOnesThenTheNextAttemptWaitsLongerEachTimeAndASuccessStartsAgain() {
		Browser browser = browserAt("198.51.100.11");
		assertThat(login(browser, "ZJ0002", "wrong-1").status()).isEqualTo(401);
		assertThat(login(browser, "ZJ0002", "wrong-2").status()).isEqualTo(401);
		assertThat(login(browser, "ZJ0002", "wrong-3").body()).contains(BAD_CREDENTIALS);

		Page waiting = login(browser, "ZJ0002", "zj0002-pass");

		assertThat(waiting.status()).as("even the right password waits, unchecked").isEqualTo(429);
		assertThat(waiting.header("Retry-After")).contains("1");
		assertThat(waiting.body()).contains("尝试次数过多，请 1 秒后再试。").doesNotContain("您已登录");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(login(browser, "ZJ0002", "wrong-4").status()).isEqualTo(401);
		assertThat(login(browser, "ZJ0002", "zj0002-pass").body()).as("the wait has doubled")
			.contains("尝试次数过多，请 2 秒后再试。");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(login(browser, "ZJ0002", "zj0002-pass").body()).contains("您已登录");

		Browser again = browserAt("198.51.100.12");
		assertThat(login(again, "ZJ0002", "wrong-5").status()).isEqualTo(401);
		assertThat(login(again, "ZJ0002", "wrong-6").status()).as("the success forgot the failures").isEqualTo(401);
	}

	@Test
	void loginWhenLockedThenEvenTheRightPasswordIsRefusedWith429UntilTheLockEndsByItself() {
		double locksBefore = locks("account");
		Browser browser = browserAt("198.51.100.21");
		failUntilLocked(browser, "ZJ0008");

		Page locked = login(browser, "ZJ0008", "zj0008-pass");

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.header("Retry-After")).contains("900");
		assertThat(locked.body()).contains(LOCKED).doesNotContain("您已登录");
		assertThat(login(browserAt("198.51.100.22"), "ZJ0008", "zj0008-pass").status())
			.as("from another address too").isEqualTo(429);
		assertThat(locks("account")).isEqualTo(locksBefore + 1);
		RecordedSecurityEvent lockEvent = latest("login.locked", "198.51.100.21");
		assertThat(lockEvent.details()).contains("\"scope\":\"account\"")
			.contains("\"reason\":\"too_many_failures\"")
			.contains("\"account\":\"")
			.doesNotContain("ZJ0008");

		this.clock.advance(Duration.ofMinutes(15));
		assertThat(login(browserAt("198.51.100.23"), "ZJ0008", "zj0008-pass").body()).contains("您已登录");
		RecordedSecurityEvent unlockEvent = latest("login.unlocked", "198.51.100.23");
		assertThat(unlockEvent.details()).contains("\"reason\":\"expired\"").contains("\"scope\":\"account\"");
		assertThat(account(unlockEvent)).isEqualTo(account(lockEvent));
	}

	@Test
	void loginWhenLockedThenRetryAfterInSecondsOnTheFormPostInEitherLanguage() {
		Browser browser = browserAt("198.51.100.31");
		failUntilLocked(browser, "ZJ0009");
		this.clock.advance(Duration.ofMinutes(5));

		Page english = browser.login(browser.get("/login?lang=en"), "ZJ0009", "zj0009-pass");

		assertThat(english.status()).isEqualTo(429);
		assertThat(english.header("Retry-After")).contains("600");
		assertThat(english.body()).contains("Too many attempts. Please try again in 10 minutes.");
		Page chinese = browser.login(browser.get("/login?lang=zh"), "ZJ0009", "zj0009-pass");
		assertThat(chinese.header("Retry-After")).contains("600");
		assertThat(chinese.body()).contains("尝试次数过多，请 10 分钟后再试。");
	}

	@Test
	void loginWhenUnknownCardThenCountedAndAnsweredExactlyAsAKnownOne() {
		Browser known = browserAt("198.51.100.41");
		Browser unknown = browserAt("198.51.100.42");
		for (int attempt = 1; attempt <= 6; attempt++) {
			Page knownPage = login(known, "ZJ0010", "wrong-" + attempt);
			Page unknownPage = login(unknown, "ZJ9990", "wrong-" + attempt);
			assertThat(unknownPage.status()).as("attempt %d", attempt).isEqualTo(knownPage.status());
			assertThat(page(unknownPage).replace("ZJ9990", "ZJ0010")).as("attempt %d", attempt)
				.isEqualTo(page(knownPage));
			this.clock.advance(Duration.ofSeconds(attempt));
		}
		assertThat(login(unknown, "ZJ9990", "anything").status()).isEqualTo(429);
		assertThat(latest("login.locked", "198.51.100.42").details()).contains("\"scope\":\"account\"");
	}

	@Test
	void loginWhenManyReadersMistypeFromOneAddressThenFreeUpToTheAddressLimitThenTheAddressLocks() {
		double locksBefore = locks("address");
		Browser readingRoom = browserAt("198.51.100.51");
		for (int reader = 1; reader <= 6; reader++) {
			assertThat(login(readingRoom, "SX90" + reader, "mistyped").status()).as("reader %d", reader)
				.isEqualTo(401);
		}
		assertThat(login(readingRoom, "ZJ0011", "zj0011-pass").body()).as("six mistakes: nobody waits")
			.contains("您已登录");
		assertThat(login(readingRoom, "SX907", "mistyped").status()).isEqualTo(401);
		assertThat(login(readingRoom, "ZJ0012", "zj0012-pass").body()).contains("尝试次数过多，请 1 秒后再试。");
		this.clock.advance(Duration.ofSeconds(1));

		Page locking = login(readingRoom, "SX908", "mistyped");

		assertThat(locking.status()).isEqualTo(429);
		assertThat(locking.body()).contains(LOCKED);
		assertThat(login(readingRoom, "ZJ0012", "zj0012-pass").status()).isEqualTo(429);
		assertThat(login(browserAt("198.51.100.52"), "ZJ0012", "zj0012-pass").body()).as("another address")
			.contains("您已登录");
		assertThat(locks("address")).isEqualTo(locksBefore + 1);
		assertThat(latest("login.locked", "198.51.100.51").details()).contains("\"scope\":\"address\"")
			.doesNotContain("\"account\"");
	}

	@Test
	void releaseWhenAnAdminEndsALockThenTheRightPasswordSignsInAtOnceAndTheReleaseIsAudited() throws Exception {
		failUntilLocked(browserAt("198.51.100.61"), "ZJ0013");
		AdminCli admin = new AdminCli(URI.create("http://localhost:" + this.port));
		String token = admin.token();

		HttpResponse<String> released = release(token, "{\"card\":\" ZJ0013 \"}");

		assertThat(released.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(released.body())).containsEntry("released", true);
		assertThat(login(browserAt("198.51.100.62"), "ZJ0013", "zj0013-pass").body()).contains("您已登录");
		RecordedSecurityEvent event = this.events.latest("login.unlocked", 1).get(0);
		assertThat(event.details()).contains("\"reason\":\"admin\"").contains("zj-admin-cli").doesNotContain("ZJ0013");
		assertThat(JSONObjectUtils.parse(release(token, "{\"card\":\"ZJ0013\"}").body())).as("not locked")
			.containsEntry("released", false);
		assertThat(release(token, "{\"card\":\"ZJ0013\",\"address\":\"198.51.100.61\"}").statusCode())
			.as("one of the two").isEqualTo(400);
		assertThat(release(null, "{\"card\":\"ZJ0013\"}").statusCode()).isEqualTo(401);
	}

	@Test
	void tokenWhenClientPastItsRateThen429WithRetryAfterAndAnOAuthErrorThenServedInTheNextWindow()
			throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(clientCredentials().statusCode()).isEqualTo(200);
		}

		HttpResponse<String> limited = clientCredentials();

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(JSONObjectUtils.parse(limited.body())).containsEntry("error", "temporarily_unavailable");
		assertThat(limited.body()).doesNotContain("Exception");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(clientCredentials().statusCode()).isEqualTo(200);
	}

	@Test
	void deviceAuthorizationWhenAddressPastItsRateThen429WithRetryAfter() throws Exception {
		assertThat(deviceAuthorization("198.51.100.71").statusCode()).isEqualTo(200);
		assertThat(deviceAuthorization("198.51.100.71").statusCode()).isEqualTo(200);

		HttpResponse<String> limited = deviceAuthorization("198.51.100.71");

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(JSONObjectUtils.parse(limited.body())).containsEntry("error", "temporarily_unavailable");
		assertThat(deviceAuthorization("198.51.100.72").statusCode()).as("another address").isEqualTo(200);
	}

	/** Two free failures, waits of 1 s and 2 s (the clock moved past each), the fifth locks. */
	private void failUntilLocked(Browser browser, String card) {
		for (int failure = 1; failure <= 4; failure++) {
			assertThat(login(browser, card, "wrong-" + failure).status()).as("failure %d", failure).isEqualTo(401);
			this.clock.advance(Duration.ofSeconds(2));
		}
		Page locking = login(browser, card, "wrong-5");
		assertThat(locking.status()).isEqualTo(429);
		assertThat(locking.body()).contains(LOCKED);
	}

	private double locks(String scope) {
		return this.meters.get("readerpass.login.locks").tag("scope", scope).counter().count();
	}

	private RecordedSecurityEvent latest(String type, String address) {
		return this.events.latest(type, 100)
			.stream()
			.filter(event -> event.details().contains("\"address\":\"" + address + "\""))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " event from " + address));
	}

	private static Object account(RecordedSecurityEvent event) {
		try {
			return JSONObjectUtils.parse(event.details()).get("account");
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	/** The page without its per-request CSRF token. */
	private static String page(Page page) {
		return page.body().replaceAll("name=\"_csrf\"[^>]*>", "");
	}

	private HttpResponse<String> clientCredentials() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("sx-stats:sx-stats-demo-secret".getBytes()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=usage.write"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> release(String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/login-locks/release"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> deviceAuthorization(String address) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/device_authorization"))
				.header("X-Forwarded-For", address)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("client_id=zj-tv-box&scope=library"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovingClock {

		@Bean
		@Primary
		MutableClock movingClock() {
			return new MutableClock(Instant.now());
		}

	}

}

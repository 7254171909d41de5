package org.readerpass.authserver.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correctness under load (issue 11): many complete browser-style logins at once — authorization
 * request, login form, directory bind, code — each with a cookie jar of its own, across readers of
 * several libraries. Every right password signs in and every wrong one is refused; a reader told
 * their right password is wrong is the worst failure a login server has.
 */
@ReaderPassServerTest
class ConcurrentLoginTests {

	private static final List<String> CARDS = List.of("ZJ0001", "ZJ0003", "ZJ0004", "ZJ0005", "ZJ0006", "ZJ0007",
			"JH0001", "JH0002", "JH0003", "KQ0001", "KQ0004", "KQ0005", "SY0001", "SY0003", "SY0004", "SY0005");

	private static final int THREADS = 16;

	private static final int LOGINS_PER_THREAD = 60;

	@LocalServerPort
	int port;

	@Test
	void loginWhenManyReadersAtOnceThenEveryRightPasswordSignsInAndEveryWrongOneIsRefused() throws Exception {
		URI issuer = URI.create("http://localhost:" + this.port);
		OIDCProviderMetadata metadata = OidcClient.discover(issuer);
		AtomicInteger signedIn = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		ConcurrentLinkedQueue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				runs.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < LOGINS_PER_THREAD; i++) {
						String card = CARDS.get((thread + i) % CARDS.size());
						boolean right = (i % 5) != 4; // one in five with a wrong password
						String password = right ? card.toLowerCase() + "-pass" : card.toLowerCase() + "-wrong";
						Browser browser = new Browser(issuer);
						OidcClient app = OidcClient.mobileApp(metadata);
						Browser.Page answer = browser.login(browser.get(app.authorizationRequest()), card, password);
						boolean gotCode = answer.location() != null && answer.location().contains("code=");
						if (right && gotCode) {
							signedIn.incrementAndGet();
						}
						else if (!right && !gotCode && answer.status() == 401) {
							refused.incrementAndGet();
						}
						else {
							wrongAnswers.add(card + " right=" + right + " status=" + answer.status() + " location="
									+ answer.location() + " body=" + excerpt(answer.body()));
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(wrongAnswers).as("logins answered wrongly").isEmpty();
		int total = THREADS * LOGINS_PER_THREAD;
		assertThat(signedIn.get() + refused.get()).isEqualTo(total);
		assertThat(refused.get()).isEqualTo(total / 5);
	}

	private static String excerpt(String body) {
		int error = body.indexOf("class=\"error\"");
		return (error >= 0) ? body.substring(error, Math.min(body.length(), error + 200)) : "";
	}

}

package org.readerpass.authserver.operations;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown: a token request that is being answered when the node is told to stop gets its
 * token, while the node already refuses new connections. The request is held at the door by a
 * test filter until the shutdown has begun, so the order is certain, not a race.
 */
class GracefulShutdownTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void closeWhenTokenRequestInFlightThenItIsAnsweredAsUsual() throws Exception {
		// arguments, not default properties: those would lose to application.yml's fixed ports
		ConfigurableApplicationContext node = new SpringApplicationBuilder(ReaderPassApplication.class,
				HeldRequests.class)
			.run("--server.port=0", "--management.server.port=0",
					"--spring.datasource.url=jdbc:h2:mem:readerpass-shutdown-test;DB_CLOSE_DELAY=-1",
					"--readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY,
					"--readerpass.subject.pairwise-key=" + ReaderPassServerTest.TEST_PAIRWISE_KEY,
					"--readerpass.directory.startup-sync=false", "--readerpass.directory.schedule-enabled=false");
		int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
		Thread closing = new Thread(node::close, "closing-the-node");
		try {
			CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(tokenRequest(port),
					HttpResponse.BodyHandlers.ofString());
			assertThat(HeldRequests.held.await(30, TimeUnit.SECONDS)).as("the request reached the server").isTrue();

			closing.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> refusesConnections(port));
			HeldRequests.release.countDown();
			HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"access_token\"", "\"token_type\":\"Bearer\"");
		}
		finally {
			HeldRequests.release.countDown();
			if (!closing.isAlive() && node.isActive()) {
				node.close();
			}
			closing.join(30_000);
		}
		assertThat(node.isActive()).isFalse();
	}

	private static HttpRequest tokenRequest(int port) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("sx-stats:sx-stats-demo-secret".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header(HeldRequests.HEADER, "yes")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
	}

	private static boolean refusesConnections(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	/**
	 * A filter in front of everything that holds a request carrying {@link #HEADER} until released.
	 * Not a {@code @Configuration}: the server's component scan must never find it.
	 */
	static class HeldRequests {

		static final String HEADER = "X-Test-Hold";

		static final CountDownLatch held = new CountDownLatch(1);

		static final CountDownLatch release = new CountDownLatch(1);

		@Bean
		FilterRegistrationBean<Filter> holdingFilter() {
			Filter filter = (request, response, chain) -> {
				if (((HttpServletRequest) request).getHeader(HEADER) != null) {
					held.countDown();
					try {
						release.await(60, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				chain.doFilter(request, response);
			};
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}

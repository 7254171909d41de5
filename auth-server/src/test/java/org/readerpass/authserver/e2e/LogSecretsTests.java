package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret in any log line (issue 11, point 7): a full sign-in — a wrong password and a right one,
 * by card number and by resident ID number — code exchanges, refreshes, a replayed refresh token, a
 * wrong client secret and client credentials, with every log event the server writes at its
 * configured levels captured both as JSON (ECS, the production format) and as plain text.
 */
@ReaderPassServerTest
class LogSecretsTests {

	private static final String CARD = "ZJ0010";

	private static final String PASSWORD = "zj0010-pass";

	private static final String WRONG_PASSWORD = "not-zj0010-pass-7Qx";

	private static final String RESIDENT_ID = "330106197902175240";

	private static final String PORTAL_SECRET = "sx-portal-demo-secret";

	private static final String STATS_SECRET = "sx-stats-demo-secret";

	private static final String WRONG_SECRET = "wrong-secret-of-sx-stats-9Zk";

	@LocalServerPort
	int port;

	private final CapturingAppender appender = new CapturingAppender();

	private OIDCProviderMetadata metadata;

	@BeforeEach
	void captureLogs() {
		this.metadata = OidcClient.discover(URI.create("http://localhost:" + this.port));
		this.appender.start();
		root().addAppender(this.appender);
	}

	@AfterEach
	void stopCapturing() {
		root().detachAppender(this.appender);
		this.appender.stop();
	}

	@Test
	void logsWhenReadersSignInAndAppsUseTokensThenNoSecretInAnyLine() throws Exception {
		List<String> secrets = new ArrayList<>(List.of(CARD, PASSWORD, WRONG_PASSWORD, RESIDENT_ID, PORTAL_SECRET,
				STATS_SECRET, WRONG_SECRET));

		OidcClient portal = OidcClient.portal(this.metadata);
		Browser browser = browser();
		Browser.Page loginPage = browser.get(portal.authorizationRequest());
		browser.login(loginPage, CARD, WRONG_PASSWORD);
		String redirect = browser.login(browser.get(portal.authorizationRequest()), CARD, PASSWORD).location();
		secrets.add(code(redirect));
		secrets.addAll(tokens(portal.exchange(redirect)));
		secrets.addAll(refreshAndReplay(portal, secrets.get(secrets.size() - 1)));

		OidcClient app = OidcClient.mobileApp(this.metadata);
		Browser phone = browser();
		phone.login(phone.get(app.authorizationRequest()), RESIDENT_ID, WRONG_PASSWORD);
		String appRedirect = phone.login(phone.get(app.authorizationRequest()), RESIDENT_ID, PASSWORD).location();
		secrets.add(code(appRedirect));
		secrets.addAll(tokens(app.exchange(appRedirect)));
		secrets.addAll(refreshAndReplay(app, secrets.get(secrets.size() - 1)));

		assertThat(clientCredentials(WRONG_SECRET).statusCode()).isEqualTo(401);
		String serviceToken = clientCredentials(STATS_SECRET).body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		secrets.add(serviceToken);

		List<String> lines = this.appender.lines();
		assertThat(lines).as("the flow was logged at all (JSON and text)").isNotEmpty();
		assertThat(lines).filteredOn((line) -> line.startsWith("{")).as("ECS JSON lines").isNotEmpty();
		for (String secret : secrets) {
			assertThat(lines).as("no log line holds " + describe(secret)).noneMatch((line) -> holds(line, secret));
		}
		assertThat(lines).as("no JWT of any kind").noneMatch((line) -> line.contains("eyJ"));
	}

	/** The refresh token's rotation, then the old one sent again (a replay, logged as such). */
	private static List<String> refreshAndReplay(OidcClient client, String refreshToken) {
		TokenResponse refreshed = client.refresh(refreshToken);
		assertThat(refreshed.indicatesSuccess()).isTrue();
		List<String> values = new ArrayList<>();
		values.add(refreshed.toSuccessResponse().getTokens().getAccessToken().getValue());
		values.add(refreshed.toSuccessResponse().getTokens().getRefreshToken().getValue());
		assertThat(client.refresh(refreshToken).indicatesSuccess()).isFalse();
		return values;
	}

	/** Access token, ID token, and the refresh token last. */
	private static List<String> tokens(OIDCTokenResponse response) {
		return List.of(response.getOIDCTokens().getAccessToken().getValue(),
				response.getOIDCTokens().getIDTokenString(), response.getOIDCTokens().getRefreshToken().getValue());
	}

	private static String code(String redirect) {
		return redirect.replaceAll(".*[?&]code=([^&]+).*", "$1");
	}

	/** A value, or a recognisable piece of one (a token's first or last 16 characters). */
	private static boolean holds(String line, String secret) {
		if (line.contains(secret)) {
			return true;
		}
		return secret.length() >= 32 && (line.contains(secret.substring(0, 16))
				|| line.contains(secret.substring(secret.length() - 16)));
	}

	private static String describe(String secret) {
		return (secret.length() > 24) ? "a value of " + secret.length() + " characters" : secret;
	}

	private HttpResponse<String> clientCredentials(String secret) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(("sx-stats:" + secret).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Browser browser() {
		return new Browser(URI.create("http://localhost:" + this.port));
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	/** Every event the loggers let through, encoded as ECS JSON and as full text (message, key-values, stack). */
	private static final class CapturingAppender extends AppenderBase<ILoggingEvent> {

		private final List<String> lines = new CopyOnWriteArrayList<>();

		private final List<Encoder<ILoggingEvent>> encoders = new ArrayList<>();

		CapturingAppender() {
			LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
			setContext(context);
			setName("log-secrets-test");
			StructuredLogEncoder json = new StructuredLogEncoder();
			json.setContext(context);
			json.setFormat("ecs");
			PatternLayoutEncoder text = new PatternLayoutEncoder();
			text.setContext(context);
			text.setPattern("%level %logger %mdc %kvp %message%n%ex{full}");
			this.encoders.add(json);
			this.encoders.add(text);
		}

		@Override
		public void start() {
			this.encoders.forEach(Encoder::start);
			super.start();
		}

		@Override
		public void stop() {
			super.stop();
			this.encoders.forEach(Encoder::stop);
		}

		@Override
		protected void append(ILoggingEvent event) {
			for (Encoder<ILoggingEvent> encoder : this.encoders) {
				this.lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
			}
		}

		List<String> lines() {
			return List.copyOf(this.lines);
		}

	}

}

package org.readerpass.authserver.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.e2e.Browser;
import org.readerpass.authserver.e2e.OidcClient;

import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling upgrade to ReaderPass's own session repository signs nobody out: beside a node of
 * this version runs a node configured as the production profile was before it (Spring Boot's
 * Redis session auto-configuration, the stock {@code RedisSessionRepository}), on the same Redis
 * and namespace. A session signed in on either is honoured by the other, a login begun on one is
 * finished on the other, and a logout on either ends it on both.
 */
class RollingUpgradeSessionTests {

	private static final int OLD = 0;

	private static final int NEW = 1;

	/** A node of this version as it runs once the upgrade is over: session values in the compact form. */
	private static final int COMPACT = 2;

	private static ProductionNodes nodes;

	@BeforeAll
	static void startAnOldAndANewNode() {
		// the production profile before: Boot's auto-configuration lifted, no readerpass.sessions.store
		nodes = new ProductionNodes(3, Map.of("spring.autoconfigure.exclude", "", "readerpass.sessions.store", "memory"));
		assertThat(nodes.start(OLD).getBean(SessionRepository.class)).isInstanceOf(RedisSessionRepository.class);
		// this version's production profile during the upgrade: values in Java serialization (operations.md)
		nodes.set("spring.autoconfigure.exclude",
				"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration");
		nodes.set("readerpass.sessions.store", "redis");
		nodes.set("readerpass.redis.session-format", "java");
		assertThat(nodes.start(NEW).getBean(SessionRepository.class).getClass().getName())
			.isEqualTo("org.readerpass.authserver.session.RedisSessionStore");
		// and once every node runs this version: the setting removed
		nodes.set("readerpass.redis.session-format", "compact");
		nodes.start(COMPACT);
	}

	@AfterAll
	static void stopNodes() {
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	void sessionWhenSignedInOnTheOldNodeThenTheNewNodeHonoursItAndLogsItOut() {
		Browser browser = new Browser(nodes.origin(OLD));
		OidcClient portal = OidcClient.portal(metadata(OLD));
		OIDCTokenResponse tokens = portal
			.exchange(browser.login(browser.get(portal.authorizationRequest()), "ZJ0002", "zj0002-pass").location());

		Browser onNew = browser.at(nodes.origin(NEW));
		assertThat(onNew.get(OidcClient.portal(metadata(NEW)).authorizationRequest("none")).location())
			.as("signed in on the new node")
			.contains("code=");
		assertThat(onNew.get(OidcClient.portal(metadata(NEW)).authorizationRequest("none")).location())
			.as("and again")
			.contains("code=");

		logout(onNew, NEW, tokens);
		assertThat(browser.get(OidcClient.portal(metadata(OLD)).authorizationRequest("none")).location())
			.as("gone on the old node too")
			.contains("error=login_required");
	}

	@Test
	void sessionWhenSignedInOnTheNewNodeThenTheOldNodeHonoursItAndLogsItOut() {
		Browser browser = new Browser(nodes.origin(NEW));
		OidcClient portal = OidcClient.portal(metadata(NEW));
		// the login page is the issuer's (the old node's address): this node's own, so that it signs the reader in
		browser.get(portal.authorizationRequest());
		OIDCTokenResponse tokens = portal
			.exchange(browser.login(browser.get("/login"), "ZJ0003", "zj0003-pass").location());

		Browser onOld = browser.at(nodes.origin(OLD));
		assertThat(onOld.get(OidcClient.portal(metadata(OLD)).authorizationRequest("none")).location())
			.as("signed in on the old node")
			.contains("code=");

		logout(onOld, OLD, tokens);
		assertThat(browser.get(OidcClient.portal(metadata(NEW)).authorizationRequest("none")).location())
			.as("gone on the new node too")
			.contains("error=login_required");
	}

	@Test
	void loginWhenBegunOnTheOldNodeThenFinishedOnTheNewOne() {
		Browser onOld = new Browser(nodes.origin(OLD));
		OidcClient portal = OidcClient.portal(metadata(OLD));
		Browser.Page loginPage = onOld.get(portal.authorizationRequest());

		Browser.Page signedIn = onOld.at(nodes.origin(NEW)).login(loginPage, "ZJ0004", "zj0004-pass");

		assertThat(signedIn.location()).as("the saved request and CSRF token the old node stored").contains("code=");
		assertThat(portal.at(metadata(NEW)).exchange(signedIn.location()).getOIDCTokens().getAccessToken())
			.isNotNull();
	}

	/**
	 * The setting removed node by node once the upgrade is over: a node writing the compact form and
	 * one still writing Java serialization read each other's sessions.
	 */
	@Test
	void sessionWhenTheFormatChangesNodeByNodeThenEachReadsTheOthersSessions() {
		Browser onCompact = new Browser(nodes.origin(COMPACT));
		OidcClient portal = OidcClient.portal(metadata(COMPACT));
		Browser.Page loginPage = onCompact.get(portal.authorizationRequest());
		Browser.Page signedIn = onCompact.at(nodes.origin(NEW)).login(loginPage, "ZJ0005", "zj0005-pass");
		assertThat(signedIn.location()).as("the compact node's saved request and CSRF token, read by the other")
			.contains("code=");
		OIDCTokenResponse tokens = portal.at(metadata(NEW)).exchange(signedIn.location());

		assertThat(onCompact.get(OidcClient.portal(metadata(COMPACT)).authorizationRequest("none")).location())
			.as("the session the Java-format node wrote, read on the compact one")
			.contains("code=");
		assertThat(onCompact.at(nodes.origin(NEW)).get(OidcClient.portal(metadata(NEW)).authorizationRequest("none"))
			.location()).as("and the other way round").contains("code=");

		logout(onCompact, COMPACT, tokens);
		assertThat(onCompact.at(nodes.origin(NEW)).get(OidcClient.portal(metadata(NEW)).authorizationRequest("none"))
			.location()).contains("error=login_required");
	}

	private static void logout(Browser browser, int node, OIDCTokenResponse tokens) {
		Browser.Page loggedOut = browser.get(URI.create(nodes.origin(node) + "/connect/logout?id_token_hint="
				+ tokens.getOIDCTokens().getIDTokenString() + "&post_logout_redirect_uri="
				+ URLEncoder.encode("http://127.0.0.1:8081/", StandardCharsets.UTF_8) + "&state=bye"));
		assertThat(loggedOut.location()).isEqualTo("http://127.0.0.1:8081/?state=bye");
	}

	/** Discovery from this node, every endpoint pointed at it (they are below the issuer, the first node's). */
	private static OIDCProviderMetadata metadata(int node) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(nodes.origin(node) + "/.well-known/openid-configuration"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return OIDCProviderMetadata.parse(response.body().replace(nodes.issuer() + "/", nodes.origin(node) + "/"));
		}
		catch (IOException | ParseException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}

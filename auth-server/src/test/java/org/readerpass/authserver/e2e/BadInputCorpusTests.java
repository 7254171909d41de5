package org.readerpass.authserver.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.client.ClientProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 6: thousands of malformed requests, as an attacker sends them, against every
 * endpoint — the protocol endpoints (every grant at the token endpoint), the reader pages signed in
 * and not, discovery and JWKS, every path of the admin API's OpenAPI document with an admin's
 * token — each answered below 500, with no stack trace, exception name, SQL or file path, and no
 * redirect to a URI not registered for a client ({@link BadInputCorpus}, {@link AnswerCheck}).
 * Every failing request is listed at once.
 */
@ReaderPassServerTest
class BadInputCorpusTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern CONSENT_STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");

	private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

	private static final String PORTAL = "Authorization: Basic " + BadInput.b64std("sx-portal:sx-portal-demo-secret");

	private static final String STATS = "Authorization: Basic " + BadInput.b64std("sx-stats:sx-stats-demo-secret");

	private static final String PORTAL_CALLBACK = "http://127.0.0.1:8081/login/oauth2/code/readerpass";

	private static final String VERIFIER = "readerpass-corpus-verifier-0123456789-abcdefghijklmnopq";

	@LocalServerPort
	int port;

	@Autowired
	ClientProperties clients;

	@Test
	void corpusWhenSentThenBelow500WithoutLeaksOrForeignRedirects() throws Exception {
		URI issuer = URI.create("http://localhost:" + this.port);
		Readers reader = signIn(issuer);
		List<Endpoint> endpoints = new ArrayList<>();
		endpoints.addAll(pages(reader));
		endpoints.addAll(protocol(reader, issuer));
		endpoints.addAll(adminApi(issuer));
		endpoints.addAll(logout(reader));
		assertThat(endpoints.stream().map(Endpoint::path)).as("every endpoint discovery names")
			.containsAll(discoveredPaths());
		List<Probe> probes = new BadInputCorpus(this.port, issuer.toString()).probes(endpoints, redirectParameters());
		AnswerCheck check = new AnswerCheck(issuer, registeredUris());

		List<String> failures = new ArrayList<>();
		Map<String, Integer> statuses = new LinkedHashMap<>();
		for (Probe probe : probes) {
			RawHttp.Response answer = probe.send(this.port);
			statuses.put(probe.name(), (answer != null) ? answer.status() : 0);
			check.problems(probe, answer).forEach(problem -> failures.add(probe + ": " + problem));
		}

		assertThat(probes).hasSizeGreaterThan(3000);
		assertThat(failures).as("%d of %d requests", failures.size(), probes.size()).isEmpty();
		// the credentials were good: the unmutated requests reached the code behind them
		assertThat(statuses).containsEntry("token client_credentials: as it is", 200)
			.containsEntry("introspect: as it is", 200)
			.containsEntry("userinfo: as it is", 200)
			.containsEntry("authorize signed in: as it is", 302)
			.containsEntry("GET /account/apps signed in: as it is", 200)
			.containsEntry("admin GET /api/admin/resources: as it is", 200);
	}

	/** A reader signed in (session cookie, CSRF token), two sets of its tokens, and an unused code. */
	private record Readers(String cookie, String csrf, OIDCTokenResponse tokens, OIDCTokenResponse spare,
			String consentState, String anonymousCookie, String anonymousCsrf) {

	}

	private Readers signIn(URI issuer) {
		Browser browser = new Browser(issuer);
		assertThat(browser.login(browser.get("/login"), "KQ0005", "kq0005-pass").status()).isLessThan(400);
		OIDCProviderMetadata metadata = OidcClient.discover(issuer);
		OidcClient portal = OidcClient.portal(metadata);
		OIDCTokenResponse tokens = portal.exchange(browser.get(portal.authorizationRequest()).location());
		OidcClient spare = OidcClient.portal(metadata);
		OIDCTokenResponse spareTokens = spare.exchange(browser.get(spare.authorizationRequest()).location());
		Browser.Page consent = browser.get(OidcClient.vendorApp(metadata).authorizationRequest());
		Browser anonymous = new Browser(issuer);
		Browser.Page login = anonymous.get("/login");
		return new Readers("Cookie: READERPASS_SESSION=" + browser.cookie("READERPASS_SESSION"),
				csrf(browser.get("/device").body()), tokens, spareTokens, group(CONSENT_STATE, consent.body()),
				"Cookie: READERPASS_SESSION=" + anonymous.cookie("READERPASS_SESSION"), csrf(login.body()));
	}

	private static List<Endpoint> pages(Readers reader) {
		String signedIn = reader.cookie();
		List<Endpoint> endpoints = new ArrayList<>();
		for (String path : List.of("/", "/login", "/account/apps", "/device/confirm", "/css/readerpass.css",
				"/favicon.ico", "/no-such-page", "/error")) {
			endpoints.add(Endpoint.query("GET " + path, "GET", path, Map.of("lang", "en")));
			endpoints.add(Endpoint.query("GET " + path + " signed in", "GET", path, Map.of("lang", "zh"), signedIn));
		}
		endpoints.add(Endpoint.form("login", "/login",
				params("card", "ZZ9999", "password", "not-the-password", "library", "zj", "_csrf", reader.anonymousCsrf()),
				reader.anonymousCookie(), "X-Forwarded-For: 192.0.2.77"));
		endpoints.add(Endpoint.query("device page", "GET", "/device", params("user_code", "BCDF-GHJK")));
		endpoints.add(Endpoint.form("device code signed in", "/device",
				params("user_code", "BCDF-GHJK", "_csrf", reader.csrf()), signedIn, "X-Forwarded-For: 192.0.2.78"));
		endpoints.add(Endpoint.form("device confirm signed in", "/device/confirm",
				params("user_code", "BCDF-GHJK", "decision", "approve", "_csrf", reader.csrf()), signedIn));
		endpoints.add(Endpoint.query("consent page signed in", "GET", "/oauth2/consent",
				params("client_id", "shuxiang-reader", "scope", "openid profile email", "state", "abc"), signedIn));
		endpoints.add(Endpoint.form("withdraw consent signed in", "/account/apps/withdraw",
				params("client", "no-such-client", "_csrf", reader.csrf()), signedIn));
		return endpoints;
	}

	private List<Endpoint> protocol(Readers reader, URI issuer) throws Exception {
		String signedIn = reader.cookie();
		String accessToken = reader.tokens().getOIDCTokens().getAccessToken().getValue();
		List<Endpoint> endpoints = new ArrayList<>();
		for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server",
				"/.well-known/oauth-protected-resource", "/oauth2/jwks")) {
			endpoints.add(Endpoint.query("GET " + path, "GET", path, Map.of()));
		}
		Map<String, String> authorize = params("response_type", "code", "client_id", "sx-portal", "redirect_uri",
				PORTAL_CALLBACK, "scope", "openid profile", "state", "s", "nonce", "n", "code_challenge",
				"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGEhhPuW6g", "code_challenge_method", "S256");
		endpoints.add(Endpoint.query("authorize", "GET", "/oauth2/authorize", authorize).withJwtIn("id_token_hint"));
		endpoints.add(Endpoint.query("authorize signed in", "GET", "/oauth2/authorize", authorize, signedIn)
			.withJwtIn("id_token_hint"));
		endpoints.add(Endpoint.form("authorize POST signed in", "/oauth2/authorize", authorize, signedIn));
		Map<String, String> promptNone = new LinkedHashMap<>(authorize);
		promptNone.put("prompt", "none");
		promptNone.put("id_token_hint", reader.tokens().getOIDCTokens().getIDTokenString());
		endpoints.add(Endpoint.query("authorize prompt=none", "GET", "/oauth2/authorize", promptNone)
			.withJwtIn("id_token_hint"));
		endpoints.add(Endpoint.form("consent POST signed in", "/oauth2/authorize",
				params("client_id", "shuxiang-reader", "state", reader.consentState(), "scope", "profile"), signedIn));
		endpoints.add(Endpoint.form("token authorization_code (secret)", "/oauth2/token", params("grant_type",
				"authorization_code", "code", "no-such-code", "redirect_uri", PORTAL_CALLBACK, "code_verifier", VERIFIER),
				PORTAL));
		endpoints.add(Endpoint.form("token authorization_code (public)", "/oauth2/token",
				params("grant_type", "authorization_code", "code", "no-such-code", "redirect_uri",
						"http://127.0.0.1:8082/callback", "client_id", "zj-reader-app", "code_verifier", VERIFIER)));
		endpoints.add(Endpoint.form("token refresh_token", "/oauth2/token", params("grant_type", "refresh_token",
				"refresh_token", reader.spare().getOIDCTokens().getRefreshToken().getValue(), "scope", "openid"), PORTAL));
		endpoints.add(Endpoint.form("token refresh_token (public)", "/oauth2/token",
				params("grant_type", "refresh_token", "refresh_token", "no-such-token", "client_id", "zj-reader-app")));
		endpoints.add(Endpoint.form("token client_credentials", "/oauth2/token",
				params("grant_type", "client_credentials", "scope", "usage.write"),
				STATS));
		endpoints.add(Endpoint.form("token device_code", "/oauth2/token", params("grant_type",
				"urn:ietf:params:oauth:grant-type:device_code", "device_code", deviceCode(), "client_id", "zj-tv-box")));
		endpoints.add(Endpoint.form("token private_key_jwt", "/oauth2/token", params("grant_type", "client_credentials",
				"client_id", "vendor-ebooks", "client_assertion_type", ClientAssertions.JWT_BEARER, "client_assertion",
				BadInput.jwt("{\"alg\":\"ES256\",\"kid\":\"vendor-ebooks-2026\"}", "{\"iss\":\"vendor-ebooks\"}", "c2ln")))
			.withJwtIn("client_assertion"));
		endpoints.add(Endpoint.form("token jwt-bearer grant", "/oauth2/token",
				params("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", "a.b.c"), PORTAL)
			.withJwtIn("assertion"));
		endpoints.add(Endpoint.form("introspect", "/oauth2/introspect",
				params("token", accessToken, "token_type_hint", "access_token"), PORTAL).withJwtIn("token"));
		endpoints.add(Endpoint.form("device authorization", "/oauth2/device_authorization",
				params("client_id", "zj-tv-box", "scope", "library", "resource", "https://ebooks.nlc.example/")));
		endpoints.add(Endpoint.query("userinfo", "GET", "/userinfo", Map.of(), "Authorization: Bearer " + accessToken));
		endpoints.add(
				Endpoint.form("userinfo POST", "/userinfo", params("a", "b"), "Authorization: Bearer " + accessToken));
		endpoints.add(Endpoint.form("revoke", "/oauth2/revoke", params("token",
				reader.spare().getOIDCTokens().getAccessToken().getValue(), "token_type_hint", "access_token"), PORTAL)
			.withJwtIn("token"));
		return endpoints;
	}

	/** Every operation of the admin API's OpenAPI document, with an admin's token. */
	private List<Endpoint> adminApi(URI issuer) throws Exception {
		AdminCli admin = new AdminCli(issuer);
		String bearer = "Authorization: Bearer " + admin.token();
		var document = JSONObjectUtils.parse(admin.call("GET", "/v3/api-docs/admin", admin.token()).body());
		List<Endpoint> endpoints = new ArrayList<>();
		for (var path : JSONObjectUtils.getJSONObject(document, "paths").entrySet()) {
			@SuppressWarnings("unchecked")
			Map<String, Object> operations = (Map<String, Object>) path.getValue();
			for (String method : operations.keySet()) {
				String concrete = path.getKey()
					.replace("{code}", "corpus-no-such-code")
					.replace("{id}", "00000000-0000-0000-0000-00000000c0de")
					.replace("{kid}", "no-such-kid")
					.replace("{algorithm}", "XS256"); // a real one would rotate the server's keys
				String upper = method.toUpperCase(java.util.Locale.ROOT);
				Map<String, String> query = params("limit", "5", "resource", "corpus-no-such-code", "library", "zj",
						"kind", "full", "reader", "00000000-0000-0000-0000-00000000c0de", "type", "consent.given");
				String json = switch (upper) {
					case "POST", "PUT" -> "{\"kind\":\"full\",\"code\":\"corpus-no-such-code\"}";
					default -> null;
				};
				endpoints.add(new Endpoint("admin " + upper + " " + path.getKey(), upper, concrete, Endpoint.Where.QUERY,
						query, json, List.of(bearer, "Accept: application/json"), List.of()));
			}
		}
		assertThat(endpoints).as("admin operations").hasSizeGreaterThan(15);
		return endpoints;
	}

	/** Last: a logout may end the reader's session. */
	private static List<Endpoint> logout(Readers reader) {
		Map<String, String> logout = params("id_token_hint", reader.spare().getOIDCTokens().getIDTokenString(),
				"post_logout_redirect_uri", "http://127.0.0.1:8081/", "client_id", "sx-portal", "state", "s");
		return List.of(Endpoint.query("logout", "GET", "/connect/logout", logout).withJwtIn("id_token_hint"),
				Endpoint.form("logout POST signed in", "/connect/logout", logout, reader.cookie())
					.withJwtIn("id_token_hint"),
				Endpoint.form("sign out signed in", "/logout", params("_csrf", reader.csrf()), reader.cookie()));
	}

	/** The path of every endpoint and of the JWKS that discovery names. */
	private Set<String> discoveredPaths() throws Exception {
		RawHttp.Response discovery = RawHttp.sendToLocalhost(this.port, "GET", "/.well-known/openid-configuration",
				List.of(), null);
		Set<String> paths = new LinkedHashSet<>();
		JSONObjectUtils.parse(discovery.body()).forEach((name, value) -> {
			if (name.endsWith("_endpoint") || name.equals("jwks_uri")) {
				paths.add(URI.create((String) value).getPath());
			}
		});
		assertThat(paths).hasSizeGreaterThan(6);
		return paths;
	}

	private String deviceCode() throws Exception {
		RawHttp.Response response = RawHttp.sendToLocalhost(this.port, "POST", "/oauth2/device_authorization",
				List.of(FORM), "client_id=zj-tv-box&scope=library");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return (String) JSONObjectUtils.parse(response.body()).get("device_code");
	}

	/** The parameters where a redirect goes, each with one URI registered for the endpoint's client. */
	private static Map<String, String> redirectParameters() {
		return Map.of("redirect_uri", PORTAL_CALLBACK, "post_logout_redirect_uri", "http://127.0.0.1:8081/");
	}

	private Set<String> registeredUris() {
		Set<String> uris = new LinkedHashSet<>();
		this.clients.registrations().forEach(client -> {
			if (client.redirectUris() != null) {
				client.redirectUris().forEach(uri -> uris.add(uri.toString()));
			}
			if (client.postLogoutRedirectUris() != null) {
				client.postLogoutRedirectUris().forEach(uri -> uris.add(uri.toString()));
			}
		});
		return uris;
	}

	private static Map<String, String> params(String... namesAndValues) {
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	private static String csrf(String page) {
		return group(CSRF, page);
	}

	private static String group(Pattern pattern, String text) {
		Matcher found = pattern.matcher(text);
		assertThat(found.find()).as("%s in %s", pattern, text).isTrue();
		return found.group(1);
	}

}

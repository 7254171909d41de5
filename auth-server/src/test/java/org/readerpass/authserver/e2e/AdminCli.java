package org.readerpass.authserver.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo admin command-line tool ({@code zj-admin-cli}, client credentials with the
 * {@code readerpass.admin} scope) calling the admin API of a running server over HTTP.
 */
public final class AdminCli {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final URI issuer;

	public AdminCli(URI issuer) {
		this.issuer = issuer;
	}

	/** A fresh access token of the admin client. */
	public String token() throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(this.issuer.resolve("/oauth2/token"))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString("zj-admin-cli:zj-admin-cli-demo-secret".getBytes()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=readerpass.admin"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) JSONObjectUtils.parse(response.body()).get("access_token");
	}

	/** {@code method path} with the bearer token ({@code null}: none), no body. */
	public HttpResponse<String> call(String method, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.issuer.resolve(path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** {@code GET /api/admin/keys} with a fresh token: the keys by kid. */
	Map<String, Map<String, Object>> keys() throws Exception {
		HttpResponse<String> response = call("GET", "/api/admin/keys", token());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Map<String, Object>> byKid = new java.util.LinkedHashMap<>();
		for (Object key : JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(response.body()), "keys")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> fields = (Map<String, Object>) key;
			byKid.put((String) fields.get("kid"), fields);
		}
		return byKid;
	}

}

package org.readerpass.authserver.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain HTTP calls to one node, as an app or the admin CLI makes them. */
final class NodeHttp {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private NodeHttp() {
	}

	/** A token request authenticated with {@code client:secret} (client_secret_basic). */
	static HttpResponse<String> token(URI node, String credentials, String form) {
		return send(HttpRequest.newBuilder(URI.create(node + "/oauth2/token"))
			.header("Authorization", basic(credentials))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/** A client-credentials access token (with {@code scope} when not null); the request must succeed. */
	static String clientCredentials(URI node, String credentials, String scope) {
		HttpResponse<String> response = token(node, credentials,
				"grant_type=client_credentials" + ((scope != null) ? "&scope=" + scope : ""));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
	}

	static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError("request failed: " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}

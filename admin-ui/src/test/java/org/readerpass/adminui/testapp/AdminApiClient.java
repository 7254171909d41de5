package org.readerpass.adminui.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin API over real HTTP (java.net.http), answers parsed as JSON trees. */
public final class AdminApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public AdminApiClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Answer get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** A GET that accepts only {@code accept} (the others accept JSON and problems). */
	public Answer get(String path, String accept) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), accept);
	}

	public Answer post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Answer put(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Answer delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE());
	}

	public Answer send(String method, String path, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request);
	}

	/** Builds a JSON object from alternating names and values (values: strings, lists, maps, null). */
	public static String json(Object... namesAndValues) {
		Map<String, Object> object = new java.util.LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return JSON.writeValueAsString(object);
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private Answer send(HttpRequest.Builder request) {
		return send(request, "application/json, application/problem+json");
	}

	private Answer send(HttpRequest.Builder request, String accept) {
		try {
			HttpResponse<String> response = this.http.send(request.header("Accept", accept).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode body = json(response.body());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.headers().firstValue("Location").orElse(null), response.body(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(String text) {
		try {
			return text.isEmpty() ? null : JSON.readTree(text);
		}
		catch (tools.jackson.core.JacksonException ex) {
			return null; // not JSON: the tests look at the raw body
		}
	}

	/** One answer: status, headers of interest, the raw body and its JSON. */
	public record Answer(int status, String contentType, String location, String raw, JsonNode body) {

		/** The {@code field} of each entry of a problem's {@code errors}, in order. */
		public List<String> errorFields() {
			return StreamSupport.stream(this.body.get("errors").spliterator(), false)
				.map(error -> error.get("field").isNull() ? null : error.get("field").asString())
				.toList();
		}

		public boolean isProblem() {
			return this.contentType != null && this.contentType.startsWith("application/problem+json");
		}

	}

}

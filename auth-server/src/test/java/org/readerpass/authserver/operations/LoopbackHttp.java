package org.readerpass.authserver.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/** Plain requests to a port of the server under test, on loopback. */
public final class LoopbackHttp {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private LoopbackHttp() {
	}

	/** An answer: its status and body. */
	public record Answer(int status, String body) {

		/** The body as a JSON object. */
		public Map<String, Object> json() {
			try {
				return JSONObjectUtils.parse(this.body);
			}
			catch (ParseException ex) {
				throw new AssertionError("not JSON: " + this.body, ex);
			}
		}

	}

	public static Answer get(int port, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
	}

	public static Answer post(int port, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private static Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

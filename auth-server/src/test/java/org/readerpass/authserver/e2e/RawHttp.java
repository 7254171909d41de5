package org.readerpass.authserver.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} will not send: a {@code Host}
 * header of the caller's choosing (as an attacker or a misconfigured proxy sends it). One request
 * per connection ({@code Connection: close}); loopback only. {@link #sendBytes} sends bytes as
 * they are, for what no client would send.
 */
final class RawHttp {

	private RawHttp() {
	}

	/** As {@link #send}, with the server's own {@code Host: localhost:<port>} first. */
	static Response sendToLocalhost(int port, String method, String target, List<String> headers, String body)
			throws IOException {
		List<String> all = new java.util.ArrayList<>(headers);
		all.add(0, "Host: localhost:" + port);
		return send(port, method, target, all, body);
	}

	/** Sends {@code method target} to the local server with the given headers and body. */
	static Response send(int port, String method, String target, List<String> headers, String body)
			throws IOException {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		headers.forEach((header) -> request.append(header).append("\r\n"));
		if (body != null) {
			request.append("Content-Length: ").append(content.length).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
	}

	/**
	 * Sends {@code head} (request line and header lines, without the blank line that ends them)
	 * byte for byte, then {@code body} with its {@code Content-Length}: for bytes no client would
	 * send (invalid UTF-8, NUL, a bare {@code %}). The answer is {@code null} when the server closed
	 * the connection without one.
	 */
	static Response sendBytes(int port, byte[] head, byte[] body) throws IOException {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.write(head);
		String end = ((body != null) ? "\r\nContent-Length: " + body.length : "") + "\r\nConnection: close\r\n\r\n";
		request.write(end.getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			request.write(body);
		}
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toByteArray());
			out.flush();
			byte[] answer = readAll(socket.getInputStream());
			return (answer.length > 0) ? Response.parse(answer) : null;
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toByteArray();
	}

	/**
	 * A response: status, headers (names lower-cased, last value wins; every line in
	 * {@code headerLines}), body (de-chunked, UTF-8).
	 */
	record Response(int status, Map<String, String> headers, List<String> headerLines, String body) {

		/** Every value of a header, in order (e.g. each {@code Set-Cookie}). */
		List<String> headerValues(String name) {
			return this.headerLines.stream()
				.filter((line) -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map((line) -> line.substring(name.length() + 1).strip())
				.toList();
		}

		static Response parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.ISO_8859_1); // one char per byte: offsets agree
			int end = text.indexOf("\r\n\r\n");
			String[] head = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(head[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < head.length; i++) {
				int colon = head[i].indexOf(':');
				headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						head[i].substring(colon + 1).strip());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Response(status, headers, List.of(head).subList(1, head.length),
					new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (true) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
				if (size == 0) {
					return body.toString();
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
		}

	}

}

package org.readerpass.authserver.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request of the bad-input corpus, as bytes: the request line's target and the headers are
 * ISO-8859-1 text (one char per byte, so a raw {@code 0xFF} or NUL is sent as it is), the body
 * bytes as they are ({@code null}: none).
 *
 * @param name what a failure calls it: endpoint and mutation
 */
record Probe(String name, String method, String target, List<String> headers, byte[] body) {

	RawHttp.Response send(int port) throws IOException {
		StringBuilder head = new StringBuilder(this.method).append(' ').append(this.target).append(" HTTP/1.1");
		this.headers.forEach(header -> head.append("\r\n").append(header));
		return RawHttp.sendBytes(port, head.toString().getBytes(StandardCharsets.ISO_8859_1), this.body);
	}

	/** The name, with a short form of the target, for a failure list. */
	@Override
	public String toString() {
		String shown = (this.target.length() > 120) ? this.target.substring(0, 120) + "…(" + this.target.length() + ")"
				: this.target;
		return this.name + " [" + this.method + " " + shown.replaceAll("[^\\x20-\\x7e]", "?") + "]";
	}

}

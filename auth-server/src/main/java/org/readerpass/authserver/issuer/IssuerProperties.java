package org.readerpass.authserver.issuer;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this server is ({@code readerpass.issuer}): the one issuer every token carries, discovery
 * names and every token check requires (RFC 8414 §3.3, RFC 9068 §4). It comes from configuration
 * only, never from a request's {@code Host} or forwarding headers. Unset, the embedded default
 * derives it once at start-up from its own port ({@link IssuerEnvironmentPostProcessor}).
 *
 * @param uri the issuer: an absolute {@code https} URL (plain {@code http} only for a loopback
 * host), without query, fragment or trailing slash, e.g. {@code https://id.library.zj.cn}
 */
@ConfigurationProperties("readerpass.issuer")
public record IssuerProperties(URI uri) {

	static final String KEY = "readerpass.issuer.uri";

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	public IssuerProperties {
		if (uri == null) {
			throw new IllegalArgumentException(KEY + " is required");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
			throw new IllegalArgumentException(KEY + " must be an absolute URL with a host: " + uri);
		}
		if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(uri.getHost()))) {
			throw new IllegalArgumentException(KEY + " must be https (http only for localhost): " + uri);
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException(KEY + " must have no query, fragment or user info: " + uri);
		}
		if (uri.getRawPath() != null && uri.getRawPath().endsWith("/")) {
			throw new IllegalArgumentException(KEY + " must not end with '/': " + uri);
		}
	}

	/** Whether readers reach the server over TLS (ended at a proxy in front): Secure cookies, HSTS. */
	public boolean isHttps() {
		return "https".equalsIgnoreCase(this.uri.getScheme());
	}

	/** The issuer as every token and document states it. */
	public String value() {
		return this.uri.toString();
	}

}

package org.readerpass.authserver.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Fixes the issuer before any bean exists, so that no request can choose it: when
 * {@code readerpass.issuer.uri} is not configured, it is derived once from the server's own port as
 * {@code http://localhost:<port>} (the embedded default). A port of {@code 0} (pick any) is chosen
 * here, from the free loopback ports, and the server then listens on it. A configured {@code https}
 * issuer makes the session cookie {@code Secure} unless {@code server.servlet.session.cookie.secure}
 * says otherwise.
 */
public class IssuerEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "readerpass-derived-issuer";

	static final String SECURE_SESSION_COOKIE = "server.servlet.session.cookie.secure";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty(IssuerProperties.KEY);
		if (configured != null && !configured.isBlank()) {
			secureSessionCookieWhenHttps(environment, configured);
			return;
		}
		Integer port = environment.getProperty("server.port", Integer.class, 8080);
		Map<String, Object> derived = new LinkedHashMap<>();
		if (port == 0) {
			port = freeLoopbackPort();
			derived.put("server.port", port);
		}
		if (port > 0) {
			derived.put(IssuerProperties.KEY, "http://localhost:" + port);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, derived));
	}

	/**
	 * An {@code https} issuer means TLS ends at a proxy in front and the server sees plain HTTP, so
	 * the session cookie would not be {@code Secure} by itself: it is made so (for the servlet
	 * container's sessions and Spring Session's alike) unless configured otherwise.
	 */
	private static void secureSessionCookieWhenHttps(ConfigurableEnvironment environment, String issuer) {
		if (issuer.strip().regionMatches(true, 0, "https:", 0, 6) && !environment.containsProperty(SECURE_SESSION_COOKIE)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(SOURCE, Map.of(SECURE_SESSION_COOKIE, "true")));
		}
	}

	/** After the configuration files are read (they may set the port or the issuer). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free port for the server", ex);
		}
	}

}

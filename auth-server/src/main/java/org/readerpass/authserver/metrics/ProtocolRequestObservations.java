package org.readerpass.authserver.metrics;

import java.util.Set;

import io.micrometer.common.KeyValue;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * {@code http.server.requests} with the protocol endpoints' own {@code uri}: those are answered by
 * security filters before any controller, so the stock convention tags them all {@code UNKNOWN}
 * (or {@code REDIRECTION}), and the token endpoint's latency would be lost among them. Only the
 * given paths are used as they are, so the tag's values stay a small fixed set.
 */
final class ProtocolRequestObservations extends DefaultServerRequestObservationConvention {

	private final Set<String> paths;

	/** @param paths the endpoints' paths, e.g. {@code /oauth2/token} */
	ProtocolRequestObservations(Set<String> paths) {
		this.paths = Set.copyOf(paths);
	}

	@Override
	protected KeyValue uri(ServerRequestObservationContext context) {
		HttpServletRequest request = context.getCarrier();
		if (context.getPathPattern() == null && request != null) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (this.paths.contains(path)) {
				return KeyValue.of("uri", path);
			}
		}
		return super.uri(context);
	}

}

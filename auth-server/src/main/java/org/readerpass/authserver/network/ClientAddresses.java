package org.readerpass.authserver.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.readerpass.policy.network.IpLiterals;
import org.readerpass.policy.network.IpRange;

/**
 * Where a request really comes from. The connection's peer address, unless that peer is a
 * configured trusted proxy: then the RFC 7239 {@code Forwarded} header (or, without it,
 * {@code X-Forwarded-For}) is read from the right, skipping trusted proxies, and the first
 * untrusted hop is the client. Headers from an untrusted peer are ignored entirely, so a reader
 * cannot claim to be on-site by sending one. A malformed or obfuscated hop makes the address
 * unknown (on-site conditions then fail). Never resolves host names.
 */
public final class ClientAddresses {

	private final List<IpRange> trustedProxies;

	public ClientAddresses(List<IpRange> trustedProxies) {
		this.trustedProxies = List.copyOf(trustedProxies);
	}

	public Optional<InetAddress> resolve(HttpServletRequest request) {
		return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders("Forwarded")),
				Collections.list(request.getHeaders("X-Forwarded-For")));
	}

	Optional<InetAddress> resolve(String peer, List<String> forwarded, List<String> xForwardedFor) {
		Optional<InetAddress> peerAddress = literal(peer);
		if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
			return peerAddress;
		}
		List<String> hops = !forwarded.isEmpty() ? forwardedFor(forwarded) : split(xForwardedFor);
		if (hops.isEmpty()) {
			return peerAddress;
		}
		InetAddress last = peerAddress.get();
		for (int i = hops.size() - 1; i >= 0; i--) {
			Optional<InetAddress> hop = literal(hops.get(i));
			if (hop.isEmpty()) {
				return Optional.empty();
			}
			last = hop.get();
			if (!isTrusted(last)) {
				return hop;
			}
		}
		return Optional.of(last);
	}

	private boolean isTrusted(InetAddress address) {
		for (IpRange range : this.trustedProxies) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> split(List<String> headers) {
		List<String> hops = new ArrayList<>();
		for (String header : headers) {
			for (String hop : header.split(",")) {
				hops.add(hop.strip());
			}
		}
		return hops;
	}

	/** The {@code for=} values of every element of RFC 7239 {@code Forwarded} headers, in order. */
	private static List<String> forwardedFor(List<String> headers) {
		List<String> hops = new ArrayList<>();
		for (String element : split(headers)) {
			String value = "";
			for (String pair : element.split(";")) {
				int equals = pair.indexOf('=');
				if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
					value = unquote(pair.substring(equals + 1).strip());
				}
			}
			hops.add(value);
		}
		return hops;
	}

	private static String unquote(String value) {
		String text = (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
		if (text.startsWith("[")) { // "[2001:db8::17]:4711"
			int close = text.indexOf(']');
			return (close > 0) ? text.substring(1, close) : "";
		}
		int colon = text.indexOf(':');
		return (colon > 0 && text.indexOf(':', colon + 1) < 0) ? text.substring(0, colon) : text; // 192.0.2.1:80
	}

	/** An IPv4 or IPv6 literal, or empty (host names, "unknown", obfuscated ids, zone ids). */
	static Optional<InetAddress> literal(String text) {
		return IpLiterals.parse(text);
	}

}

package org.readerpass.policy.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed without ever asking DNS: {@code InetAddress.getByName} looks up
 * anything it does not take for a literal, and hex-only names such as {@code cafe} or
 * {@code 1.2.3.4.5} are not literals.
 */
public final class IpLiterals {

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private IpLiterals() {
	}

	/** An IPv4 dotted quad or an IPv6 literal (with one ':' at least); empty for anything else. */
	public static Optional<InetAddress> parse(String text) {
		boolean literal = text != null && (IPV4.matcher(text).matches()
				|| (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()));
		if (!literal) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(text)); // a literal by now: no DNS lookup
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

}

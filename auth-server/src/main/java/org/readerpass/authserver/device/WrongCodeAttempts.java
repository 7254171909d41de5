package org.readerpass.authserver.device;

import java.io.Serializable;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;
import org.readerpass.authserver.device.DeviceProperties.WrongCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wrong user codes typed on the verification page (RFC 8628 §5.1: a user code is short, so
 * guessing must be slowed), counted per browser session and per source address. Each count runs
 * in a window that opens with its first wrong code; once a session or an address reaches its limit
 * within the window, every further code from it is refused until the window ends.
 *
 * <p>
 * A session's count lives in the session; an address's in this node's memory (an IPv6 address
 * counts as its /64, which one subscriber usually holds whole), swept of ended windows at most
 * once a minute.
 */
final class WrongCodeAttempts {

	private static final Logger log = LoggerFactory.getLogger(WrongCodeAttempts.class);

	private static final String SESSION_ATTRIBUTE = WrongCodeAttempts.class.getName();

	/** Wrong codes counted since {@code start}. */
	private record Window(Instant start, int wrong) implements Serializable {
	}

	private final WrongCodes limits;

	private final Clock clock;

	private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

	private final Sweeps sweeps = new Sweeps(Duration.ofMinutes(1));

	WrongCodeAttempts(WrongCodes limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/** Until when this session or address may type no code, or empty when it may now. */
	Optional<Instant> refusedUntil(HttpSession session, Optional<InetAddress> address) {
		Instant now = this.clock.instant();
		Instant sessionRefused = refusedUntil((Window) session.getAttribute(SESSION_ATTRIBUTE),
				this.limits.perSession(), now);
		Instant addressRefused = refusedUntil(this.byAddress.get(key(address)), this.limits.perAddress(), now);
		if (sessionRefused == null) {
			return Optional.ofNullable(addressRefused);
		}
		return Optional.of((addressRefused != null && addressRefused.isAfter(sessionRefused)) ? addressRefused
				: sessionRefused);
	}

	/** Counts a wrong code for this session and address. */
	void wrong(HttpSession session, Optional<InetAddress> address) {
		Instant now = this.clock.instant();
		Window sessionWindow = counted((Window) session.getAttribute(SESSION_ATTRIBUTE), now);
		session.setAttribute(SESSION_ATTRIBUTE, sessionWindow);
		String key = key(address);
		Window addressWindow = this.byAddress.compute(key, (k, window) -> counted(window, now));
		log.info("Device verification: wrong user code sessionWrong={} addressWrong={}", sessionWindow.wrong(),
				addressWindow.wrong());
		if (addressWindow.wrong() == this.limits.perAddress()) {
			log.warn("Device verification refused: too many wrong user codes address={} until={}", key,
					addressWindow.start().plus(this.limits.window()));
		}
		else if (sessionWindow.wrong() == this.limits.perSession()) {
			log.info("Device verification refused for a session: too many wrong user codes until={}",
					sessionWindow.start().plus(this.limits.window()));
		}
		sweep(now);
	}

	private Window counted(Window window, Instant now) {
		if (window == null || !now.isBefore(window.start().plus(this.limits.window()))) {
			return new Window(now, 1);
		}
		return new Window(window.start(), window.wrong() + 1);
	}

	private Instant refusedUntil(Window window, int limit, Instant now) {
		if (window == null || window.wrong() < limit) {
			return null;
		}
		Instant end = window.start().plus(this.limits.window());
		return now.isBefore(end) ? end : null;
	}

	private void sweep(Instant now) {
		if (this.sweeps.due(now)) {
			this.byAddress.values().removeIf(window -> !now.isBefore(window.start().plus(this.limits.window())));
		}
	}

	/** The address as counted: IPv4 whole, IPv6 as its /64; one key for an unknown address. */
	static String key(Optional<InetAddress> address) {
		if (address.isEmpty()) {
			return "unknown";
		}
		if (address.get() instanceof Inet6Address ipv6) {
			byte[] prefix = Arrays.copyOf(ipv6.getAddress(), 16);
			Arrays.fill(prefix, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("16 bytes are an IPv6 address", ex);
			}
		}
		return address.get().getHostAddress();
	}

	int trackedAddresses() {
		return this.byAddress.size();
	}

}

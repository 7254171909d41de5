package org.readerpass.authserver.device;

import java.io.Serializable;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.readerpass.authserver.abuse.Counters;
import org.readerpass.authserver.abuse.SourceAddresses;
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
 * A session's count lives in the session; an address's in the server's {@link Counters} (an IPv6
 * address counts as its /64, which one subscriber usually holds whole): this node's memory, or
 * Redis shared by every node with {@code readerpass.stores=redis}.
 */
final class WrongCodeAttempts {

	private static final Logger log = LoggerFactory.getLogger(WrongCodeAttempts.class);

	private static final String SESSION_ATTRIBUTE = WrongCodeAttempts.class.getName();

	/** A session's wrong codes counted since {@code start} (the name is kept: sessions hold it). */
	private record Window(Instant start, int wrong) implements Serializable {
	}

	private final WrongCodes limits;

	private final Clock clock;

	private final Counters counters;

	WrongCodeAttempts(WrongCodes limits, Clock clock, Counters counters) {
		this.limits = limits;
		this.clock = clock;
		this.counters = counters;
	}

	/** Until when this session or address may type no code, or empty when it may now. */
	Optional<Instant> refusedUntil(HttpSession session, Optional<InetAddress> address) {
		Instant now = this.clock.instant();
		Instant sessionRefused = refusedUntil((Window) session.getAttribute(SESSION_ATTRIBUTE),
				this.limits.perSession(), now);
		Instant addressRefused = this.counters.peek(counterKey(address))
			.filter(window -> window.count() >= this.limits.perAddress() && window.isOpenAt(now))
			.map(org.readerpass.authserver.abuse.Window::end)
			.orElse(null);
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
		org.readerpass.authserver.abuse.Window addressWindow = this.counters.count(counterKey(address),
				this.limits.window());
		log.info("Device verification: wrong user code sessionWrong={} addressWrong={}", sessionWindow.wrong(),
				addressWindow.count());
		if (addressWindow.count() == this.limits.perAddress()) {
			log.warn("Device verification refused: too many wrong user codes address={} until={}", key(address),
					addressWindow.end());
		}
		else if (sessionWindow.wrong() == this.limits.perSession()) {
			log.info("Device verification refused for a session: too many wrong user codes until={}",
					sessionWindow.start().plus(this.limits.window()));
		}
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

	private static String counterKey(Optional<InetAddress> address) {
		return "device:wrong-codes:" + key(address);
	}

	/** The address as counted: IPv4 whole, IPv6 as its /64; one key for an unknown address. */
	static String key(Optional<InetAddress> address) {
		return SourceAddresses.key(address);
	}

}

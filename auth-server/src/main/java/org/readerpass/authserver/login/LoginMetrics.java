package org.readerpass.authserver.login;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.readerpass.authserver.login.LoginOutcome.DirectoryUnavailable;
import org.readerpass.authserver.login.LoginOutcome.Expired;
import org.readerpass.authserver.login.LoginOutcome.SignedIn;
import org.readerpass.authserver.login.LoginOutcome.Suspended;

/**
 * {@value #METER}: login form submissions by library and outcome. The library is the one the
 * outcome is about (signed in, expired, suspended, directory unavailable), else {@code none}:
 * a wrong password or unknown card — one outcome — and a missing field name no library, so the
 * meter never tells where a card number is held. Tags come from configured library codes and the
 * outcome types only, never from what was typed. One counter per pair, made at its first use.
 */
final class LoginMetrics {

	static final String METER = "readerpass.login.attempts";

	static final String NO_LIBRARY = "none";

	static final String THROTTLED = "throttled";

	private final MeterRegistry registry;

	private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

	LoginMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void count(LoginOutcome outcome) {
		count(library(outcome), outcome(outcome));
	}

	/** A submission refused before any password check: its account or address is locked or slowed. */
	void countThrottled() {
		count(NO_LIBRARY, THROTTLED);
	}

	private void count(String library, String name) {
		this.counters.computeIfAbsent(library, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(name, (key) -> Counter.builder(METER)
				.description("Login form submissions, by library and outcome")
				.tag("library", library)
				.tag("outcome", name)
				.register(this.registry))
			.increment();
	}

	static String library(LoginOutcome outcome) {
		if (outcome instanceof SignedIn signedIn) {
			return signedIn.account().libraryCode();
		}
		if (outcome instanceof Expired expired) {
			return expired.libraryCode();
		}
		if (outcome instanceof Suspended suspended) {
			return suspended.libraryCode();
		}
		if (outcome instanceof DirectoryUnavailable unavailable) {
			return unavailable.libraryCode();
		}
		return NO_LIBRARY;
	}

	/** The outcome's type in snake case: {@code SignedIn} is {@code signed_in}. */
	static String outcome(LoginOutcome outcome) {
		return outcome.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}

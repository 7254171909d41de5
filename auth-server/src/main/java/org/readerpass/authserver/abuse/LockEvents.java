package org.readerpass.authserver.abuse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.readerpass.authserver.audit.SecurityEvent;
import org.readerpass.authserver.audit.SecurityEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every login lock and unlock (ended by itself, or by an admin), in the security events ({@code login.locked}, {@code login.unlocked})
 * with the reason, the source address and, for an account, its opaque reference (never the card
 * number); locks are also counted in {@code readerpass.login.locks{scope=account|address}}.
 */
final class LockEvents {

	static final String ACCOUNT = "account";

	static final String ADDRESS = "address";

	static final String LOCKED = "login.locked";

	static final String UNLOCKED = "login.unlocked";

	private static final Logger log = LoggerFactory.getLogger(LockEvents.class);

	private final SecurityEvents events;

	private final Counter accountLocks;

	private final Counter addressLocks;

	LockEvents(SecurityEvents events, MeterRegistry meters) {
		this.events = events;
		this.accountLocks = locks(meters, ACCOUNT);
		this.addressLocks = locks(meters, ADDRESS);
	}

	private static Counter locks(MeterRegistry meters, String scope) {
		return Counter.builder("readerpass.login.locks")
			.description("Login locks after too many wrong passwords")
			.tag("scope", scope)
			.register(meters);
	}

	/** A lock has started: {@code failures} wrong passwords within the window, from {@code address}. */
	void locked(String scope, String id, String address, long failures, Instant until) {
		log.warn("Login locked: too many wrong passwords scope={} {} address={} until={}", scope, describe(scope, id),
				address, until);
		(ACCOUNT.equals(scope) ? this.accountLocks : this.addressLocks).increment();
		Map<String, String> details = details(scope, id, address);
		details.put("reason", "too_many_failures");
		details.put("failures", String.valueOf(failures));
		details.put("until", until.toString());
		this.events.record(new SecurityEvent(LOCKED, null, null, details));
	}

	/** A lock that ended by itself, noticed at the next attempt (from {@code address}). */
	void unlocked(String scope, String id, String address, Instant endedAt) {
		log.info("Login lock ended scope={} {} endedAt={}", scope, describe(scope, id), endedAt);
		Map<String, String> details = details(scope, id, address);
		details.put("reason", "expired");
		details.put("endedAt", endedAt.toString());
		this.events.record(new SecurityEvent(UNLOCKED, null, null, details));
	}

	/** An admin ended a lock. */
	void released(String scope, String id, String by) {
		log.info("Login lock released by an admin scope={} {} by={}", scope, describe(scope, id), by);
		Map<String, String> details = details(scope, id, null);
		details.put("reason", "admin");
		details.put("by", by);
		this.events.record(new SecurityEvent(UNLOCKED, null, null, details));
	}

	private static Map<String, String> details(String scope, String id, String address) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("scope", scope);
		String from = ADDRESS.equals(scope) ? id : address;
		if (from != null) {
			details.put("address", from);
		}
		if (ACCOUNT.equals(scope)) {
			details.put("account", id);
		}
		return details;
	}

	private static String describe(String scope, String id) {
		return ACCOUNT.equals(scope) ? "account=" + id : "lockedAddress=" + id;
	}

}

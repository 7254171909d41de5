package org.readerpass.authserver.abuse;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.readerpass.authserver.abuse.AbuseProperties.FailurePolicy;

/**
 * Brute force at the login page, per typed card or ID number (counted whether or not an account
 * holds it, so an unknown card behaves as a known one) and per source address, shared by every node
 * through {@link Counters}:
 * <ul>
 * <li>the first few wrong passwords cost nothing; each further one makes the next attempt wait
 * (1 s, 2 s, 4 s … up to a cap), and an attempt during the wait is answered at once, unchecked;</li>
 * <li>the n-th within the window locks for a while: every attempt, a right password too, is refused
 * until the lock ends by itself (never for good); written to the security events, counted in
 * {@code readerpass.login.locks};</li>
 * <li>a right password forgets the account's wrong ones (never the address's);</li>
 * <li>too many login posts from one address in a short time are refused the same way.</li>
 * </ul>
 * See {@code docs/decisions/2026-12-04-login-throttle-and-rate-limits.md}.
 */
public final class LoginThrottle {

	/** How long a lock that has ended is remembered, so that the next attempt records the unlock. */
	static final Duration LOCK_REMEMBERED = Duration.ofDays(1);

	/**
	 * How long a failure count or a pause is still kept after it ended: a right password skips
	 * forgetting the account's only when its check saw neither, and an ended one seen as such
	 * covers any difference between the nodes' clocks up to this.
	 */
	static final Duration ENDED_KEPT = Duration.ofMinutes(1);

	private static final String LOCK = "lock";

	private static final String PAUSE = "pause";

	private static final String FAIL = "fail";

	/**
	 * Why an attempt is refused unchecked.
	 * @param retryAfterSeconds whole seconds until it may be tried again (at least 1)
	 * @param locked a lock (minutes) rather than a short wait (seconds)
	 */
	public record Refusal(long retryAfterSeconds, boolean locked) {
	}

	/**
	 * What {@link #check} found: whether the attempt is refused, and what a right password then has
	 * to forget ({@link #succeeded}).
	 */
	public static final class Checked {

		private final Optional<Refusal> refusal;

		/** The account whose failures or pause the check saw; null when it saw none. */
		private final Scope failedAccount;

		private Checked(Optional<Refusal> refusal, Scope failedAccount) {
			this.refusal = refusal;
			this.failedAccount = failedAccount;
		}

		/** Why the attempt is refused before any password is checked; empty when it may go on. */
		public Optional<Refusal> refusal() {
			return this.refusal;
		}

	}

	/**
	 * An account or an address: its policy and its keys, which share the hash tag of its id
	 * (<code>login:lock:account:{id}</code>) so that one round trip reads or forgets several.
	 */
	private record Scope(String name, FailurePolicy policy, String id) {

		String key(String kind) {
			return "login:" + kind + ":" + this.name + ":" + HashTags.tag(this.id);
		}

		List<String> keys(String... kinds) {
			return Stream.of(kinds).map(this::key).toList();
		}

	}

	private final Counters counters;

	private final AbuseProperties properties;

	private final AccountReferences accounts;

	private final LockEvents events;

	private final Clock clock;

	private final Rate posts;

	LoginThrottle(Counters counters, AbuseProperties properties, AccountReferences accounts, LockEvents events,
			Clock clock) {
		this.counters = counters;
		this.properties = properties;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.posts = new Rate(counters, clock, "login", "address", properties.rates().login(),
				properties.rates().loginWindow());
	}

	/**
	 * Whether this attempt is refused before any password is checked: the login rate of its address
	 * (counted in chunks, {@link Rate}), then per scope (address, account) its lock and pause in one
	 * read; the account's failure count is read with them, so that a right password need not forget
	 * what the check saw was not there.
	 * @param identifier the typed card or ID number as login looks it up; empty when none was typed
	 */
	public Checked check(String identifier, Optional<InetAddress> address) {
		Instant now = this.clock.instant();
		String source = SourceAddresses.key(address);
		List<Refusal> refusals = new ArrayList<>();
		this.posts.take(source).ifPresent(limited -> refusals.add(new Refusal(limited.secondsLeft(now), false)));
		Scope failedAccount = null;
		for (Scope scope : scopes(identifier, source)) {
			boolean account = LockEvents.ACCOUNT.equals(scope.name());
			List<Optional<Window>> seen = this.counters
				.peekAll(account ? scope.keys(LOCK, PAUSE, FAIL) : scope.keys(LOCK, PAUSE));
			Optional<Window> lock = seen.get(0);
			if (lock.isPresent() && lock.get().isOpenAt(now)) {
				refusals.add(new Refusal(lock.get().secondsLeft(now), true));
				continue;
			}
			if (lock.isPresent() && this.counters.forget(scope.key(LOCK))) {
				this.events.unlocked(scope.name(), scope.id(), source, lock.get().end());
			}
			seen.get(1)
				.filter(pause -> pause.isOpenAt(now))
				.ifPresent(pause -> refusals.add(new Refusal(pause.secondsLeft(now), false)));
			if (account && (seen.get(1).isPresent() || seen.get(2).isPresent())) {
				failedAccount = scope;
			}
		}
		return new Checked(longest(refusals), failedAccount);
	}

	/**
	 * Counts a wrong password (or an unknown card): the lock it starts, if it starts one, else
	 * empty (the attempt is answered as any wrong password).
	 */
	public Optional<Refusal> failed(String identifier, Optional<InetAddress> address) {
		Instant now = this.clock.instant();
		String source = SourceAddresses.key(address);
		List<Refusal> locks = new ArrayList<>();
		for (Scope scope : scopes(identifier, source)) {
			FailurePolicy policy = scope.policy();
			Window failures = this.counters.count(scope.key(FAIL), policy.window(), ENDED_KEPT);
			if (failures.count() >= policy.lockAfter()) {
				Window lock = this.counters.count(scope.key(LOCK), policy.lockDuration(), LOCK_REMEMBERED);
				this.counters.forgetAll(scope.keys(FAIL, PAUSE));
				if (lock.count() == 1) {
					this.events.locked(scope.name(), scope.id(), source, failures.count(), lock.end());
				}
				locks.add(new Refusal(lock.secondsLeft(now), true));
			}
			else {
				Duration delay = policy.delayAfter(failures.count());
				if (!delay.isZero()) {
					this.counters.count(scope.key(PAUSE), delay, ENDED_KEPT);
				}
			}
		}
		return longest(locks);
	}

	/**
	 * A right password after {@code checked}: the account's wrong ones are forgotten (the
	 * address's are not), in one round trip; none when the check saw neither failures nor a pause
	 * for the account. That skip is safe with concurrent attempts on any node: the check read them
	 * at one instant and found nothing, so forgetting there would have forgotten nothing; a failure
	 * counted since comes from an attempt that overlapped this one, and stays as if counted just
	 * after this success, an order today's forget allows too. A failure count or pause that had
	 * ended within {@link #ENDED_KEPT} still counts as seen, so a node whose clock lags sees no
	 * window the skip left behind still open.
	 */
	public void succeeded(Checked checked) {
		if (checked.failedAccount != null) {
			this.counters.forgetAll(checked.failedAccount.keys(FAIL, PAUSE));
		}
	}

	/**
	 * An admin ends an account's lock now and forgets its failures.
	 * @param identifier the card or ID number as login looks it up
	 * @param by who, for the security event
	 * @return whether it was locked
	 */
	public boolean releaseAccount(String identifier, String by) {
		return release(account(identifier), by);
	}

	/** An admin ends a source address's lock now and forgets its failures; whether it was locked. */
	public boolean releaseAddress(Optional<InetAddress> address, String by) {
		return release(new Scope(LockEvents.ADDRESS, this.properties.login().address(), SourceAddresses.key(address)),
				by);
	}

	private boolean release(Scope scope, String by) {
		Optional<Window> lock = this.counters.peek(scope.key(LOCK));
		boolean wasLocked = lock.isPresent() && lock.get().isOpenAt(this.clock.instant());
		boolean released = this.counters.forgetAll(scope.keys(LOCK, FAIL, PAUSE)).get(0) && wasLocked;
		if (released) {
			this.events.released(scope.name(), scope.id(), by);
		}
		return released;
	}

	private List<Scope> scopes(String identifier, String source) {
		Scope address = new Scope(LockEvents.ADDRESS, this.properties.login().address(), source);
		return identifier.isEmpty() ? List.of(address) : List.of(address, account(identifier));
	}

	private Scope account(String identifier) {
		return new Scope(LockEvents.ACCOUNT, this.properties.login().account(), this.accounts.of(identifier));
	}

	private static Optional<Refusal> longest(List<Refusal> refusals) {
		return refusals.stream()
			.max(Comparator.comparing(Refusal::locked).thenComparingLong(Refusal::retryAfterSeconds));
	}

}

package org.readerpass.authserver.login;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.readerpass.authserver.login.LoginOutcome.BadCredentials;
import org.readerpass.authserver.login.LoginOutcome.ChooseLibrary;
import org.readerpass.authserver.login.LoginOutcome.DirectoryUnavailable;
import org.readerpass.authserver.login.LoginOutcome.Expired;
import org.readerpass.authserver.login.LoginOutcome.MissingInput;
import org.readerpass.authserver.login.LoginOutcome.SignedIn;
import org.readerpass.authserver.login.LoginOutcome.Suspended;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.password.Password;
import org.readerpass.ldapsync.password.PasswordResult;
import org.readerpass.ldapsync.password.PasswordVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a login: finds the account(s) for a card number (or resident ID number), has the
 * home library's directory check the password, and only then tells an expired or suspended
 * reader why they cannot sign in. Unknown card and wrong password are one outcome. The typed
 * password becomes a {@link Password} here, once: an empty one is {@link MissingInput}, and no
 * layer below is ever asked to check an empty password.
 *
 * <p>
 * When a card number exists at several libraries the password is checked at each: the account
 * where it binds signs in, and the reader chooses a library only when the password is right at
 * several. No library is named before a right password. See
 * {@code docs/decisions/2026-12-04-login-card-at-two-libraries-binds-each.md}.
 */
public final class ReaderLogin {

	private static final Logger log = LoggerFactory.getLogger(ReaderLogin.class);

	private static final int RESIDENT_ID_LENGTH = 18;

	private final ReaderAccounts accounts;

	private final PasswordVerifier passwords;

	private final Clock clock;

	private final ZoneId libraryZone;

	/**
	 * @param libraryZone the zone in which the directories' expiry dates are days
	 * ({@code readerpass.directory.zone}): "today" is taken there, whatever the server's zone
	 */
	public ReaderLogin(ReaderAccounts accounts, PasswordVerifier passwords, Clock clock, ZoneId libraryZone) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
		this.libraryZone = libraryZone;
	}

	/**
	 * A typed card or ID number as login looks it up, for counting attempts: without surrounding
	 * blanks, and in upper case when it has a resident ID number's 18 characters (a final {@code x}
	 * is the same ID as {@code X}); empty when none was typed.
	 */
	static String identifier(String typed) {
		String card = (typed != null) ? typed.strip() : "";
		return (card.length() == RESIDENT_ID_LENGTH) ? card.toUpperCase(Locale.ROOT) : card;
	}

	LoginOutcome login(String identifier, String password, String chosenLibrary) {
		String card = (identifier != null) ? identifier.strip() : "";
		Optional<Password> typed = Password.of(password);
		if (card.isEmpty() || typed.isEmpty()) {
			return new MissingInput();
		}
		Map<String, ReaderAccount> byLibrary = candidates(card);
		if (chosenLibrary != null && !chosenLibrary.isBlank()) {
			ReaderAccount chosen = byLibrary.get(chosenLibrary);
			byLibrary = (chosen != null) ? Map.of(chosenLibrary, chosen) : Map.of();
		}
		if (byLibrary.isEmpty()) {
			// the time of a wrong password: an unknown card must not be the faster answer
			this.passwords.checkNobody();
			return new BadCredentials();
		}
		// the password is checked at every library that holds the card: the one where it binds signs
		// in, and libraries are listed only to a reader whose password is right at several — never
		// before a right password (a card number alone must not tell where it is held)
		List<ReaderAccount> verified = new ArrayList<>();
		String unavailable = null;
		for (ReaderAccount account : byLibrary.values()) {
			PasswordResult result = this.passwords.verify(account, typed.get());
			if (result == PasswordResult.VERIFIED) {
				verified.add(account);
			}
			else if (result == PasswordResult.DIRECTORY_UNAVAILABLE && unavailable == null) {
				unavailable = account.libraryCode();
			}
		}
		if (verified.size() == 1) {
			return usable(verified.get(0));
		}
		if (verified.size() > 1) {
			return new ChooseLibrary(verified.stream().map(ReaderAccount::libraryCode).toList());
		}
		if (unavailable != null) {
			// a right password may be waiting there: never tell the reader it is wrong
			log.warn("Login refused: directory unavailable library={}", unavailable);
			return new DirectoryUnavailable(unavailable);
		}
		return new BadCredentials();
	}

	/**
	 * Whether a reader signed in with this account may still use the session: the account is still
	 * stored, still linked to the same person (not unlinked since), not suspended and not expired
	 * today (the same rules as at sign-in).
	 */
	public boolean mayStaySignedIn(ReaderPrincipal principal) {
		return this.accounts.findById(principal.accountId())
			.filter(account -> principal.readerId().equals(account.readerId()))
			.map(account -> usable(account) instanceof SignedIn)
			.orElse(false);
	}

	private LoginOutcome usable(ReaderAccount account) {
		if (account.status() == AccountStatus.SUSPENDED) {
			return new Suspended(account.libraryCode());
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.libraryZone);
		if (account.isExpired(today)) {
			return new Expired(account.expiresOn(), account.libraryCode());
		}
		return new SignedIn(account);
	}

	/** Accounts by library: by card number, or by resident ID number when it is one. */
	private Map<String, ReaderAccount> candidates(String identifier) {
		Map<String, ReaderAccount> byLibrary = new LinkedHashMap<>();
		this.accounts.findByCardNumber(identifier).forEach(account -> byLibrary.putIfAbsent(account.libraryCode(), account));
		if (identifier.length() == RESIDENT_ID_LENGTH) {
			this.accounts.findByResidentIdNumber(identifier.toUpperCase())
				.forEach(account -> byLibrary.putIfAbsent(account.libraryCode(), account));
		}
		return byLibrary;
	}

}

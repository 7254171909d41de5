package org.readerpass.authserver.login;

import java.time.LocalDate;
import java.util.List;

import org.readerpass.ldapsync.account.ReaderAccount;

/** What a login attempt came to. */
sealed interface LoginOutcome {

	/** Password verified by the home directory, account usable. */
	record SignedIn(ReaderAccount account) implements LoginOutcome {
	}

	/** The password is right at several libraries that hold the card number: the reader must pick one. */
	record ChooseLibrary(List<String> libraryCodes) implements LoginOutcome {
	}

	/** Card number or password missing from the form. */
	record MissingInput() implements LoginOutcome {
	}

	/** Unknown card or wrong password: deliberately one outcome. */
	record BadCredentials() implements LoginOutcome {
	}

	/** Correct password, but the card of this library has expired. */
	record Expired(LocalDate expiredOn, String libraryCode) implements LoginOutcome {
	}

	/** Correct password, but this library has suspended the card. */
	record Suspended(String libraryCode) implements LoginOutcome {
	}

	/** The home library's directory could not be reached. */
	record DirectoryUnavailable(String libraryCode) implements LoginOutcome {
	}

}

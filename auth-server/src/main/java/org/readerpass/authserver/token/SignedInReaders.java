package org.readerpass.authserver.token;

import java.util.Optional;
import java.util.UUID;

import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.account.SignedInReader;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The reader as signed in, read once per HTTP request: a token response's access token and ID
 * token (and a refreshed pair) describe the same reader, so they share one read of the account and
 * one of its linked accounts instead of two each. Kept in the request's attributes; outside a
 * request every call reads the accounts.
 */
final class SignedInReaders {

	private static final String ATTRIBUTE = SignedInReaders.class.getName() + ".";

	private final ReaderAccounts accounts;

	SignedInReaders(ReaderAccounts accounts) {
		this.accounts = accounts;
	}

	/** The reader signed in with {@code accountId}; empty when the account was purged since. */
	Optional<SignedInReader> find(UUID accountId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return this.accounts.findSignedIn(accountId);
		}
		String name = ATTRIBUTE + accountId;
		@SuppressWarnings("unchecked")
		Optional<SignedInReader> kept = (Optional<SignedInReader>) request.getAttribute(name,
				RequestAttributes.SCOPE_REQUEST);
		if (kept == null) {
			kept = this.accounts.findSignedIn(accountId);
			request.setAttribute(name, kept, RequestAttributes.SCOPE_REQUEST);
		}
		return kept;
	}

}

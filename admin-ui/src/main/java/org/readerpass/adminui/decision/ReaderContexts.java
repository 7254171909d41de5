package org.readerpass.adminui.decision;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.account.SignedInReader;
import org.readerpass.policy.reader.ReaderContext;

/**
 * The readers a decision is explained for, read fresh from the account store: the evaluator's
 * view of each comes from ldap-sync's {@link SignedInReader}, as it does for the tokens.
 */
final class ReaderContexts {

	private final ReaderAccounts accounts;

	ReaderContexts(ReaderAccounts accounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts");
	}

	/**
	 * The reader signed in with this account.
	 * @return empty when the account is not stored (e.g. purged since the reader signed in):
	 * such a reader is entitled to nothing
	 */
	Optional<ReaderContext> forAccount(UUID accountId, Optional<InetAddress> clientAddress, Instant at) {
		return this.accounts.findSignedIn(accountId).map(reader -> reader.policyContext(clientAddress, at));
	}

	/**
	 * The person as if signed in with each of their accounts in turn, ordered by library code
	 * (the decision explainer shows all of them).
	 * @return empty when no account belongs to this reader id
	 */
	List<ReaderContext> forReader(UUID readerId, Optional<InetAddress> clientAddress, Instant at) {
		List<ReaderAccount> linked = this.accounts.findByReaderId(readerId);
		return linked.stream()
			.map(account -> SignedInReader.of(account, linked).policyContext(clientAddress, at))
			.toList();
	}

}

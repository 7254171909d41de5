package org.readerpass.adminui.livepolicy;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.policy.reader.ReaderContext;

/**
 * What the evaluator knows about a reader, read fresh from the account store: the account signed
 * in with gives the home library and the reader type; every account linked to the same person
 * gives the libraries (whatever each account's status: the sign-in decides who may sign in). The
 * verification level is the sign-in account's, as the tokens' {@code acr} claim states it.
 */
public final class ReaderContexts {

	private final ReaderAccounts accounts;

	public ReaderContexts(ReaderAccounts accounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts");
	}

	/**
	 * The reader signed in with this account.
	 * @return empty when the account is not stored (e.g. purged since the reader signed in):
	 * such a reader is entitled to nothing
	 */
	public Optional<ReaderContext> forAccount(UUID accountId, Optional<InetAddress> clientAddress, Instant at) {
		return this.accounts.findById(accountId)
			.map(account -> context(account, this.accounts.findByReaderId(account.readerId()), clientAddress, at));
	}

	/**
	 * The person as if signed in with each of their accounts in turn, ordered by library code
	 * (the admin API's decision explainer shows all of them).
	 * @return empty when no account belongs to this reader id
	 */
	public List<ReaderContext> forReader(UUID readerId, Optional<InetAddress> clientAddress, Instant at) {
		List<ReaderAccount> linked = this.accounts.findByReaderId(readerId);
		return linked.stream().map(account -> context(account, linked, clientAddress, at)).toList();
	}

	private static ReaderContext context(ReaderAccount account, List<ReaderAccount> linked,
			Optional<InetAddress> clientAddress, Instant at) {
		String readerType = (account.readerType() != null && !account.readerType().isBlank()) ? account.readerType()
				: null;
		// TODO(lead): directory groups are not synced yet (ldap-sync); until they are, no group
		// subject matches anyone
		return new ReaderContext(account.readerId(), account.id(), account.libraryCode(),
				linked.stream().map(ReaderAccount::libraryCode).distinct().toList(), readerType, List.of(),
				account.verificationLevel(), clientAddress.orElse(null), at);
	}

}

package org.readerpass.ldapsync.account;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.readerpass.policy.reader.ReaderContext;

/**
 * A person as signed in with one of their accounts: the one place that says what a reader's
 * {@code acr}, libraries and policy context are, for tokens, userinfo and the admin API's decision
 * explainer alike. The sign-in account gives the home library, the reader type and the
 * verification level; every account linked to the same person (whatever its status: the sign-in
 * decides who may sign in) gives the libraries.
 *
 * <p>
 * The linked accounts are read when first needed and then kept, so an access token that needs
 * only the {@code acr} costs one account read. Not thread-safe: one instance serves one request.
 */
public final class SignedInReader {

	private final ReaderAccount account;

	private Supplier<List<ReaderAccount>> linkedSource;

	private List<ReaderAccount> linked;

	private SignedInReader(ReaderAccount account, Supplier<List<ReaderAccount>> linkedSource) {
		this.account = Objects.requireNonNull(account, "account");
		this.linkedSource = linkedSource;
	}

	/** The reader of this account, reading the person's linked accounts from {@code accounts} when needed. */
	public static SignedInReader of(ReaderAccount account, ReaderAccounts accounts) {
		return new SignedInReader(account, () -> accounts.findByReaderId(account.readerId()));
	}

	/** The reader of this account, whose person holds {@code linked} (ordered by library code). */
	public static SignedInReader of(ReaderAccount account, List<ReaderAccount> linked) {
		List<ReaderAccount> copy = List.copyOf(linked);
		return new SignedInReader(account, () -> copy);
	}

	/** The account signed in with. */
	public ReaderAccount account() {
		return this.account;
	}

	/** The {@code acr} claim: the sign-in account's verification level. */
	public String acr() {
		return this.account.verificationLevel().acr();
	}

	/** Every library where the person has an account, by library code, each once. */
	public List<String> libraries() {
		return linked().stream().map(ReaderAccount::libraryCode).distinct().toList();
	}

	/** What the policy evaluator knows about this reader at {@code at}, from {@code clientAddress}. */
	public ReaderContext policyContext(Optional<InetAddress> clientAddress, Instant at) {
		String readerType = this.account.readerType();
		// directory groups are not synced yet: until they are, no group subject matches anyone
		return new ReaderContext(this.account.readerId(), this.account.id(), this.account.libraryCode(), libraries(),
				(readerType != null && !readerType.isBlank()) ? readerType : null, List.of(),
				this.account.verificationLevel(), clientAddress.orElse(null), at);
	}

	private List<ReaderAccount> linked() {
		if (this.linked == null) {
			this.linked = this.linkedSource.get();
			this.linkedSource = null;
		}
		return this.linked;
	}

}

package org.readerpass.policy.reader;

import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the evaluator knows about a reader at one request.
 *
 * @param readerId the person (the SSO subject)
 * @param accountId the directory account the reader signed in with
 * @param homeLibrary the library of that account
 * @param libraries every library where the person has an account; always starts with
 * {@code homeLibrary} (added if missing), no duplicates
 * @param readerType the account's reader type (e.g. {@code child}), or {@code null}
 * @param groups directory groups of the person's accounts
 * @param verification the person's verification level
 * @param clientAddress the client's address, or {@code null} when unknown (then every on-site
 * condition fails)
 * @param at the instant of evaluation
 */
public record ReaderContext(UUID readerId, UUID accountId, String homeLibrary, List<String> libraries,
		String readerType, List<DirectoryGroup> groups, VerificationLevel verification, InetAddress clientAddress,
		Instant at) {

	public ReaderContext {
		Objects.requireNonNull(readerId, "readerId");
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(homeLibrary, "homeLibrary");
		Set<String> distinct = new LinkedHashSet<>();
		distinct.add(homeLibrary);
		distinct.addAll(Objects.requireNonNull(libraries, "libraries"));
		libraries = List.copyOf(distinct);
		groups = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(groups, "groups")));
		Objects.requireNonNull(verification, "verification");
		Objects.requireNonNull(at, "at");
	}

	/** A reader with one library, no type, no groups, no verification, address unknown. */
	public static ReaderContext of(UUID readerId, UUID accountId, String homeLibrary, Instant at) {
		return new ReaderContext(readerId, accountId, homeLibrary, List.of(), null, List.of(), VerificationLevel.NONE,
				null, at);
	}

	public ReaderContext withLibraries(List<String> libraries) {
		return new ReaderContext(this.readerId, this.accountId, this.homeLibrary, libraries, this.readerType,
				this.groups, this.verification, this.clientAddress, this.at);
	}

	public ReaderContext withReaderType(String readerType) {
		return new ReaderContext(this.readerId, this.accountId, this.homeLibrary, this.libraries, readerType,
				this.groups, this.verification, this.clientAddress, this.at);
	}

	public ReaderContext withGroups(List<DirectoryGroup> groups) {
		return new ReaderContext(this.readerId, this.accountId, this.homeLibrary, this.libraries, this.readerType,
				groups, this.verification, this.clientAddress, this.at);
	}

	public ReaderContext withVerification(VerificationLevel verification) {
		return new ReaderContext(this.readerId, this.accountId, this.homeLibrary, this.libraries, this.readerType,
				this.groups, verification, this.clientAddress, this.at);
	}

	/** The same reader seen from another address ({@code null}: unknown). */
	public ReaderContext withClientAddress(InetAddress clientAddress) {
		return new ReaderContext(this.readerId, this.accountId, this.homeLibrary, this.libraries, this.readerType,
				this.groups, this.verification, clientAddress, this.at);
	}

	/** The same reader at another instant. */
	public ReaderContext withInstant(Instant at) {
		return new ReaderContext(this.readerId, this.accountId, this.homeLibrary, this.libraries, this.readerType,
				this.groups, this.verification, this.clientAddress, at);
	}

	@Override
	public String toString() {
		// reader identifiers and addresses are personal data: keep them out of logs by default
		return "ReaderContext[homeLibrary=" + this.homeLibrary + ", libraries=" + this.libraries + ", readerType="
				+ this.readerType + ", verification=" + this.verification + ", at=" + this.at + "]";
	}

}

package org.readerpass.ldapsync.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How accounts become readers (persons), as the account store needs it: it hands over the accounts
 * it has not stored yet, to be inserted each with its reader and the record of why, and runs its
 * purges of readers under the same lock. Implemented by the {@code linking} package, which holds
 * the rule, the lock and the link records.
 */
public interface AccountLinking {

	/**
	 * Inserts accounts not stored yet, each joined to a reader and with its {@code reader_link}
	 * row; the accounts are seen by {@code runId} at {@code syncedAt}.
	 * @param created accounts none of which is stored yet, each (library code, directory id) once
	 * @param invalidResidentIds directory ids of accounts whose directory entry has an invalid
	 * resident ID number
	 */
	void insertLinked(List<DirectoryAccount> created, Instant syncedAt, UUID runId, Set<String> invalidResidentIds);

	/** Runs {@code work} in a transaction holding the linking lock: no account joins a reader meanwhile. */
	<T> T withLinkingLock(Supplier<T> work);

}

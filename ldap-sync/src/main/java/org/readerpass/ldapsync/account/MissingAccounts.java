package org.readerpass.ldapsync.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accounts that a complete sync run did not see in their directory. They are suspended at once
 * (status {@link AccountStatus#SUSPENDED}, so no login), remembered with the moment they went
 * missing, restored by {@link ReaderAccountWriter#write} when they come back, and purged after a
 * grace period. The sync decides when (its safety brake); this only does it.
 */
public interface MissingAccounts {

	/** Accounts of the library that are not missing. */
	int countPresent(String libraryCode);

	/** Accounts of the library, not missing yet, that the run did not see. */
	int countUnseen(String libraryCode, UUID runId);

	/** Suspends the accounts {@link #countUnseen} counts, missing since {@code at}; how many. */
	int suspendUnseen(String libraryCode, UUID runId, Instant at);

	/**
	 * Suspends the library's accounts with these directory ids, not missing yet, missing since
	 * {@code at}: their directory said they were deleted (content sync); how many.
	 */
	int suspendDeleted(String libraryCode, List<String> directoryIds, Instant at);

	/**
	 * Deletes the library's accounts missing since before {@code cutoff}, and their readers when no
	 * account is left to them; how many accounts.
	 */
	int purgeMissingBefore(String libraryCode, Instant cutoff);

}

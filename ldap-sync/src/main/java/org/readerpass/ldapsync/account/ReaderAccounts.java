package org.readerpass.ldapsync.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the synced reader accounts. */
public interface ReaderAccounts {

	/** Accounts with exactly this card number, in any library, ordered by library code. */
	List<ReaderAccount> findByCardNumber(String cardNumber);

	/**
	 * Accounts whose resident ID number has this number's HMAC, ordered by library code; empty
	 * when the number is not a valid GB 11643 number.
	 */
	List<ReaderAccount> findByResidentIdNumber(String idNumber);

	Optional<ReaderAccount> findById(UUID accountId);

	/** All linked accounts of one person, ordered by library code. */
	List<ReaderAccount> findByReaderId(UUID readerId);

	/**
	 * The person as signed in with this account (its linked accounts read when first needed).
	 * @return empty when the account is not stored (e.g. purged since the reader signed in)
	 */
	default Optional<SignedInReader> findSignedIn(UUID accountId) {
		return findById(accountId).map(account -> SignedInReader.of(account, this));
	}

}

package org.readerpass.ldapsync.linking;

import java.time.Instant;
import java.util.UUID;

/**
 * Why one account belongs to its reader: the explanation an admin sees. Holds no resident ID
 * number and no HMAC of one.
 *
 * @param matchedAccountId the account whose verified resident ID number matched, {@code null}
 * unless the reason is {@link LinkReason#SAME_RESIDENT_ID} (or when that account was purged since)
 * @param matchedLibraryCode the matched account's library, {@code null} with {@code matchedAccountId}
 * @param matchedCardNumber the matched account's card number, {@code null} with {@code matchedAccountId}
 * @param syncRunId the sync run that made the link, {@code null} for a link an admin made
 */
record ReaderLink(UUID readerId, UUID accountId, String libraryCode, String cardNumber, LinkReason reason,
		UUID matchedAccountId, String matchedLibraryCode, String matchedCardNumber, UUID syncRunId,
		Instant linkedAt) {

}

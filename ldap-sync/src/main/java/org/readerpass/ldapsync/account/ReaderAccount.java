package org.readerpass.ldapsync.account;

import java.time.LocalDate;
import java.util.UUID;

import org.readerpass.policy.reader.VerificationLevel;

/**
 * One reader account: one entry in one library's directory, as last synced.
 *
 * @param id ReaderPass's own id of the account
 * @param libraryCode the home library, e.g. {@code zj.sx.zhuji}
 * @param directoryId the entry's stable id in its directory (entryUUID, objectGUID)
 * @param dn the entry's DN, used to check a password by bind
 * @param expiresOn last day the account may be used, {@code null} when it never expires
 * @param phone nullable
 * @param email nullable
 * @param readerId the person (SSO subject) this account belongs to
 * @param verificationLevel how surely the library knows who holds the card: {@code REAL_NAME} when
 * its directory holds a valid resident ID number for the account (checked at the desk when the card
 * was issued), {@code CARD} otherwise
 */
public record ReaderAccount(UUID id, String libraryCode, String directoryId, String dn, String cardNumber,
		String displayName, String readerType, AccountStatus status, LocalDate expiresOn, String phone,
		String email, UUID readerId, VerificationLevel verificationLevel) {

	public boolean isExpired(LocalDate today) {
		return this.expiresOn != null && this.expiresOn.isBefore(today);
	}

}

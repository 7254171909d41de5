package org.readerpass.ldapsync.connector;

import java.time.LocalDate;

import org.readerpass.ldapsync.account.AccountStatus;

/**
 * A reader entry of a directory, mapped to account fields.
 *
 * @param directoryId the entry's stable id (entryUUID, canonical objectGUID)
 * @param expiresOn last day of validity, {@code null} for never
 * @param residentIdNumber as found in the directory (not checked), nullable; never logged, so
 * {@link #toString()} leaves it out
 * @param phone nullable
 * @param email nullable
 */
public record DirectoryEntry(String dn, String directoryId, String cardNumber, String displayName, String readerType,
		AccountStatus status, LocalDate expiresOn, String residentIdNumber, String phone, String email) {

	@Override
	public String toString() {
		return "DirectoryEntry[dn=" + this.dn + ", directoryId=" + this.directoryId + ", cardNumber=" + this.cardNumber
				+ ", readerType=" + this.readerType + ", status=" + this.status + ", expiresOn=" + this.expiresOn
				+ ", residentIdNumber=" + ((this.residentIdNumber != null) ? "****" : null) + "]";
	}

}

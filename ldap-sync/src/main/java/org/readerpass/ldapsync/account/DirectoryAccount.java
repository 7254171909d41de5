package org.readerpass.ldapsync.account;

import java.time.LocalDate;

/**
 * An account as read from a library's directory, ready to be stored: the resident ID number is
 * already reduced to its HMAC.
 *
 * @param residentIdHmac nullable; accounts with the same value belong to one reader
 */
public record DirectoryAccount(String libraryCode, String directoryId, String dn, String cardNumber,
		String displayName, String readerType, AccountStatus status, LocalDate expiresOn, String residentIdHmac,
		String phone, String email) {

}

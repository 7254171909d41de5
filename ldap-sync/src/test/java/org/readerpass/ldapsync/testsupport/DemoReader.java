package org.readerpass.ldapsync.testsupport;

import java.time.LocalDate;
import java.util.UUID;

import org.readerpass.ldapsync.account.AccountStatus;

/**
 * A reader of a demo directory, as the generator made it.
 *
 * @param cardNumber {@code null} only for the deliberately malformed entry of zj.sx.jinghu
 * @param password clear password (the LDIF holds its {@code {SSHA}} hash)
 * @param expiresOn last valid day, {@code null} for never
 * @param residentIdNumber nullable
 * @param phone nullable
 * @param email nullable
 * @param directoryId the entryUUID / objectGUID the LDIF gives the entry
 * @param rdnValue the value of the entry's RDN ({@code uid}, AD {@code CN})
 */
public record DemoReader(DemoLibrary library, String cardNumber, String password, String surname, String givenName,
		String readerType, AccountStatus status, LocalDate expiresOn, String residentIdNumber, String phone,
		String email, UUID directoryId, String rdnValue) {

	public String displayName() {
		return this.surname + this.givenName;
	}

	public String dn() {
		if (this.library.isActiveDirectory()) {
			return "CN=" + this.rdnValue + "," + this.library.baseDn();
		}
		return ((this.cardNumber != null) ? "uid=" : "cn=") + this.rdnValue + "," + this.library.baseDn();
	}

	public boolean isMalformed() {
		return this.cardNumber == null;
	}

}

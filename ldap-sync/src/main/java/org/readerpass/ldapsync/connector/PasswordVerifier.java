package org.readerpass.ldapsync.connector;

import org.readerpass.ldapsync.verify.PasswordCheck;

/** A connector that can check a password by binding as an entry. */
public interface PasswordVerifier extends DirectoryConnector {

	/**
	 * Binds as {@code dn} with {@code password}. An empty password is {@link PasswordCheck#REJECTED}
	 * without asking the directory (an LDAP simple bind with an empty password is anonymous).
	 */
	PasswordCheck verify(String dn, String password);

}

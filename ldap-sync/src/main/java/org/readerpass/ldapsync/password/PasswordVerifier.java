package org.readerpass.ldapsync.password;

import org.readerpass.ldapsync.account.ReaderAccount;

/**
 * Checks a reader's password by an LDAP bind of the account's DN against the account's home
 * library directory. Passwords are never cached, stored or copied.
 */
public interface PasswordVerifier {

	PasswordResult verify(ReaderAccount account, Password password);

}

package org.readerpass.ldapsync.password;

import org.readerpass.ldapsync.account.ReaderAccount;

/**
 * Checks a reader's password by an LDAP bind of the account's DN against the account's home
 * library directory. Passwords are never cached, stored or copied.
 */
public interface PasswordVerifier {

	PasswordResult verify(ReaderAccount account, Password password);

	/**
	 * Spends on a card number nobody holds what a wrong password costs for one that exists — a bind
	 * that cannot succeed — so that an unknown card is not answered measurably faster than a wrong
	 * password (which would tell which card numbers exist). The typed password goes nowhere: the
	 * bind is made with a random one.
	 */
	default void checkNobody() {
	}

}

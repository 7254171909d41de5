package org.readerpass.ldapsync.account;

/**
 * Whether a library lets the reader use its account. {@link #SUSPENDED} means disabled or
 * suspended in the library's own directory (OpenLDAP {@code readerStatus: suspended}, Active
 * Directory {@code userAccountControl} ACCOUNTDISABLE).
 */
public enum AccountStatus {

	ACTIVE, SUSPENDED

}

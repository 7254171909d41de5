package org.readerpass.ldapsync.password;

/** The outcome of checking a reader's password against the home library's directory. */
public enum PasswordResult {

	/** The directory accepted the bind. */
	VERIFIED,

	/** The directory refused the bind (wrong password, unknown DN, locked, …). */
	REJECTED,

	/** The directory could not be asked: down, unreachable, too slow or busy. */
	DIRECTORY_UNAVAILABLE

}

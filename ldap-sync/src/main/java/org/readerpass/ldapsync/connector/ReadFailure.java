package org.readerpass.ldapsync.connector;

/** Why an {@link AccountReader} could not read its directory to the end. */
public enum ReadFailure {

	/** No server of the directory could be reached: nothing was read. */
	UNREACHABLE,

	/** The directory refused the sync user's bind: nothing was read. */
	BIND_REFUSED,

	/** The directory stopped the search at its size limit (or an administrative limit). */
	SIZE_LIMIT_EXCEEDED,

	/** The directory stopped the search at its time limit, or a response did not come in time. */
	TIME_LIMIT_EXCEEDED,

	/** The connection broke while the entries were being read. */
	CONNECTION_LOST,

	/** The base DN does not exist in the directory (noSuchObject). */
	BASE_DN_MISSING,

	/**
	 * The directory no longer knows the content-sync cookie (RFC 4533 e-syncRefreshRequired): a
	 * full read must start over from a new cookie.
	 */
	SYNC_REFRESH_REQUIRED,

	/** Any other refusal of the search. */
	OTHER

}

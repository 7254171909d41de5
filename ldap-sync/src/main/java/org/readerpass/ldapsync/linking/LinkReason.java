package org.readerpass.ldapsync.linking;

/** Why an account was assigned to its reader (person), as recorded in {@code reader_link}. */
enum LinkReason {

	/** A new reader: the account has a verified resident ID number that no other account has yet. */
	NEW_READER,

	/** A new reader: the directory entry has no resident ID number, so it cannot be linked. */
	NO_RESIDENT_ID,

	/**
	 * A new reader: the directory entry has a resident ID number that is not a valid GB 11643 number
	 * (wrong check character, impossible birth date, wrong length), so it is not used for linking.
	 */
	INVALID_RESIDENT_ID,

	/** Joined an existing reader: its verified resident ID number has the HMAC of the matched account. */
	SAME_RESIDENT_ID,

	/** Linked by an admin (reserved: no code makes such links yet). */
	ADMIN

}

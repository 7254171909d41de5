package org.readerpass.ldapsync.connector;

/** Receives the entries an {@link AccountReader} reads, one at a time. */
public interface EntryHandler {

	/** An entry with every required attribute. */
	void entry(DirectoryEntry entry);

	/** An entry that cannot become an account (required attribute missing or malformed). */
	void malformed(String dn, String reason);

}

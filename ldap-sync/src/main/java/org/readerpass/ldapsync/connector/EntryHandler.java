package org.readerpass.ldapsync.connector;

import java.time.Instant;

/** Receives the entries an {@link AccountReader} reads, one at a time. */
public interface EntryHandler {

	/** An entry with every required attribute. */
	void entry(DirectoryEntry entry);

	/** An entry that cannot become an account (required attribute missing or malformed). */
	void malformed(String dn, String reason);

	/**
	 * An entry that cannot become an account, whose directory id could be read all the same: it is
	 * still in the directory, so its account is not missing.
	 * @param directoryId {@code null} when it could not be read either
	 */
	default void malformed(String dn, String directoryId, String reason) {
		malformed(dn, reason);
	}

	/**
	 * The directory's own timestamp of the last change of the entry handed over next (by
	 * {@link #entry} or {@link #malformed}), when the directory gives one. The sync keeps the latest
	 * as its high-water mark.
	 */
	default void changedAt(Instant timestamp) {
	}

}

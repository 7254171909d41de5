package org.readerpass.ldapsync.connector;

import java.time.Instant;

/**
 * A connector that can list the reader entries created or changed since a moment, by the
 * directory's own change timestamps ({@code modifyTimestamp}/{@code createTimestamp} on OpenLDAP,
 * {@code whenChanged} on Active Directory). Deleted entries are not listed: a full read finds them.
 */
public interface ChangeReader extends DirectoryConnector {

	/**
	 * Streams every reader entry whose change timestamp is at or after {@code since} to the
	 * handler, each preceded by {@link EntryHandler#changedAt its timestamp}, without holding them
	 * in memory.
	 * @param since a moment by the directory's clock (the caller subtracts its overlap)
	 * @throws DirectoryException when the directory cannot be read to the end; entries handed over
	 * before stay handed over
	 */
	void readChangedSince(Instant since, EntryHandler handler) throws DirectoryException;

}

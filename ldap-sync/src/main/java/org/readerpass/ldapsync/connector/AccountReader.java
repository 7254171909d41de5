package org.readerpass.ldapsync.connector;

/** A connector that can list every reader entry of its directory, mapped to account fields. */
public interface AccountReader extends DirectoryConnector {

	/**
	 * Streams every reader entry to the handler, in directory order, without holding them all in
	 * memory. Returns when the directory has sent its last entry.
	 * @throws DirectoryException when the directory cannot be read to the end (unreachable,
	 * timeout, refused bind or search); entries handed over before stay handed over
	 */
	void readAll(EntryHandler handler) throws DirectoryException;

}

package org.readerpass.ldapsync.connector;

/**
 * A connector whose directory offers RFC 4533 content synchronization (OpenLDAP's
 * {@code syncprov}): changes since a cookie, deletions included, once (refreshOnly) or as they
 * are made (refreshAndPersist). Cookies are the directory's own opaque bytes.
 */
public interface ContentSyncReader extends DirectoryConnector {

	/**
	 * A cookie for the directory's state now, reading no entry: a full read started after this call
	 * and a synchronization from the cookie afterwards together miss no change.
	 * @throws DirectoryException when the directory cannot be reached or does not offer content sync
	 */
	byte[] currentCookie() throws DirectoryException;

	/**
	 * refreshOnly: streams what changed since {@code cookie} to the handler, then returns the new cookie.
	 * @param cookie {@code null} for the whole content (every entry as added)
	 * @throws DirectoryException when the directory cannot be read to the end; what was handed over
	 * before stays handed over, and the cookies handed over stay valid
	 */
	byte[] refresh(byte[] cookie, ContentHandler handler) throws DirectoryException;

	/**
	 * refreshAndPersist: the refresh from {@code cookie}, then each change as the directory makes it,
	 * until {@link Persistence#stop()} or a failure. Blocks the calling thread.
	 * @param started told the persistence once the search is sent (to stop it from another thread)
	 * @throws DirectoryException when the directory cannot be reached, refuses the search, or the
	 * connection breaks (not when stopped)
	 */
	void persist(byte[] cookie, ContentHandler handler, java.util.function.Consumer<Persistence> started)
			throws DirectoryException;

	/** A refreshAndPersist search in flight. */
	interface Persistence {

		/** Ends the search; {@link #persist} returns normally. Safe from any thread, more than once. */
		void stop();

	}

}

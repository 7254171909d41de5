package org.readerpass.ldapsync.sync;

/** What a sync run read. */
public enum SyncKind {

	/** Every reader entry: creates, updates, and suspends and purges the accounts no longer there. */
	FULL,

	/**
	 * Only the entries changed since the library's high-water mark (creates and updates, never
	 * suspends), or, by content sync, since its cookie (deletions included).
	 */
	INCREMENTAL,

	/**
	 * A content-sync persist session (RFC 4533 refreshAndPersist): the changes the directory sent from
	 * the session's start to its end; recorded when it ends.
	 */
	PERSIST

}

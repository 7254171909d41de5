package org.readerpass.ldapsync.sync;

/** What a sync run read. */
public enum SyncKind {

	/** Every reader entry: creates, updates, and suspends and purges the accounts no longer there. */
	FULL,

	/** Only the entries changed since the library's high-water mark: creates and updates, never suspends. */
	INCREMENTAL

}

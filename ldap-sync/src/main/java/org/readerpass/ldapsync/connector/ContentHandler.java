package org.readerpass.ldapsync.connector;

/**
 * Receives what an RFC 4533 content synchronization ({@link ContentSyncReader}) sends: entries
 * added or changed ({@link #entry}, {@link #malformed}), entries deleted, entries unchanged, and
 * cookies — the points up to which everything handed over is the directory's state.
 */
public interface ContentHandler extends EntryHandler {

	/** The entry with this directory id (entryUUID) was deleted, or no longer matches the readers' filter. */
	void deleted(String directoryId);

	/** The entry with this directory id is unchanged since the cookie (the refresh's present phase). */
	void present(String directoryId);

	/**
	 * Everything handed over so far is the directory's state at this cookie: store it after what
	 * came before, and a later synchronization resumes from it. Called on the directory's pace: in
	 * persist mode after each change.
	 */
	void cookie(byte[] cookie);

	/**
	 * The refresh stage ended; in persist mode the changes follow.
	 * @param presentPhase the directory used the present phase: every entry not handed over since the
	 * synchronization started (by {@link #entry}, {@link #malformed} or {@link #present}) is gone; when
	 * {@code false} deletions came explicitly by {@link #deleted}
	 */
	void refreshed(boolean presentPhase);

}

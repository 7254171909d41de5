package org.readerpass.ldapsync.directory;

/**
 * How a library's changes reach ReaderPass between full syncs ({@code change-detection}).
 */
public enum ChangeDetection {

	/**
	 * An incremental search by the directory's change timestamps on the {@code incremental-interval}
	 * ({@code modifyTimestamp}/{@code createTimestamp}, {@code whenChanged}). Any directory.
	 */
	TIMESTAMPS,

	/**
	 * RFC 4533 content synchronization, refreshOnly: on the {@code incremental-interval}, the
	 * directory sends what changed since the cookie of the last run, deletions included. OpenLDAP
	 * with the {@code syncprov} overlay.
	 */
	CONTENT_SYNC,

	/**
	 * RFC 4533 refreshAndPersist: one long-lived search per library (on one node, under its sync
	 * lease) to which the directory sends each change as it is made, so a change reaches ReaderPass
	 * in seconds. OpenLDAP with {@code syncprov}.
	 */
	CONTENT_SYNC_PERSIST;

	/** Whether RFC 4533 is used (the directory must offer it). */
	public boolean contentSync() {
		return this != TIMESTAMPS;
	}

}

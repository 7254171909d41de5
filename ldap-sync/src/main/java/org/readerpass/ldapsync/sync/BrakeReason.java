package org.readerpass.ldapsync.sync;

import org.readerpass.ldapsync.connector.ReadFailure;

/**
 * Why a sync run suspended nobody although accounts were not seen. A run that ended early never
 * suspends (a half-read directory never loses a reader); a complete run that would suspend too
 * many waits for an admin's {@link FullSync#confirmDeletions confirmation}.
 */
public enum BrakeReason {

	/** The directory stopped the search at its size (or an administrative) limit. */
	SIZE_LIMIT_EXCEEDED(false),

	/** The directory stopped the search at its time limit, or did not answer in time. */
	TIME_LIMIT_EXCEEDED(false),

	/** The connection broke while entries were being read. */
	CONNECTION_LOST(false),

	/** The base DN does not exist in the directory (noSuchObject). */
	BASE_DN_MISSING(false),

	/** The directory could not be reached, or refused the sync user's bind. */
	DIRECTORY_UNREACHABLE(false),

	/**
	 * This node lost the library's sync lease while the run was going on (it expired and another
	 * node may have taken it, or the lease store failed): the run stopped and left the rest to the
	 * lease's holder.
	 */
	LEASE_LOST(false),

	/** The run stopped for another reason (search refused, database failure): see the error. */
	RUN_FAILED(false),

	/** The directory answered with no entry at all while the library has accounts. */
	EMPTY_RESULT(true),

	/** More of the library's accounts were missing than its safety brake allows. */
	TOO_MANY_MISSING(true);

	private final boolean confirmable;

	BrakeReason(boolean confirmable) {
		this.confirmable = confirmable;
	}

	/** Whether the run read the directory to the end, so an admin may confirm its deletions. */
	public boolean confirmable() {
		return this.confirmable;
	}

	static BrakeReason of(ReadFailure failure) {
		return switch (failure) {
			case SIZE_LIMIT_EXCEEDED -> SIZE_LIMIT_EXCEEDED;
			case TIME_LIMIT_EXCEEDED -> TIME_LIMIT_EXCEEDED;
			case CONNECTION_LOST -> CONNECTION_LOST;
			case BASE_DN_MISSING -> BASE_DN_MISSING;
			case UNREACHABLE, BIND_REFUSED -> DIRECTORY_UNREACHABLE;
			case SYNC_REFRESH_REQUIRED, OTHER -> RUN_FAILED;
		};
	}

}

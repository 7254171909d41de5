package org.readerpass.ldapsync.connector;

import java.time.Instant;
import java.util.Optional;

/**
 * A connector whose directory can tell the time by its own clock (the clock that stamps its
 * entries' change timestamps), read without writing anything: Active Directory's root DSE
 * {@code currentTime}, OpenLDAP's {@code monitorTimestamp} under {@code cn=Time,cn=Monitor} (when the
 * monitor backend is configured and the sync user may read it), the embedded directories' root DSE
 * {@code currentTime}. The sync takes it at the start of each run: a change made after that moment
 * carries a timestamp at or after it, so the next incremental run reads from it.
 */
public interface DirectoryClock extends DirectoryConnector {

	/**
	 * The directory's time now, never later than its clock (whole seconds are rounded down), or empty
	 * when the directory cannot tell it: no such attribute, not readable by the sync user, or the
	 * directory unreachable. Never throws for a directory problem.
	 */
	Optional<Instant> currentTime();

}

package org.readerpass.ldapsync.lease;

import java.time.Duration;
import java.util.Optional;

/**
 * Which node syncs a library: a lease that one node holds at a time and that expires by itself
 * if the node dies, so a dead node never holds a library's sync for ever. In memory on one node;
 * in Redis across several.
 */
public interface SyncLease {

	/**
	 * Takes the lease of a library for {@code ttl} if nobody holds it.
	 * @return the held lease, or empty when another holder has it
	 */
	Optional<Held> tryAcquire(String library, Duration ttl);

	/** A lease this node holds. */
	interface Held extends AutoCloseable {

		String library();

		/**
		 * Extends the lease by its time-to-live from now.
		 * @return false when the lease was lost (expired and taken, or released): stop the run
		 */
		boolean renew();

		/** Gives the lease up; a no-op when it was lost already. */
		@Override
		void close();

	}

}

package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.util.function.Function;

import org.readerpass.ldapsync.directory.DirectoryProperties;

/**
 * How a library's missing accounts are handled.
 *
 * @param safetyBrake the largest share (0–1) of the library's accounts one run may suspend
 * @param purgeAfter how long a missing account stays suspended before it is deleted
 */
record DeletionPolicy(double safetyBrake, Duration purgeAfter) {

	static final DeletionPolicy DEFAULT = new DeletionPolicy(DirectoryProperties.DEFAULT_SAFETY_BRAKE,
			DirectoryProperties.DEFAULT_PURGE_AFTER);

	/** Each library's policy from {@code readerpass.directory} (its own keys, else the global ones). */
	static Function<String, DeletionPolicy> from(DirectoryProperties properties) {
		return (library) -> new DeletionPolicy(properties.safetyBrake(library), properties.purgeAfter(library));
	}

}

package org.readerpass.ldapsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one sync run of one library did.
 *
 * @param read entries the directory returned (malformed ones included)
 * @param created accounts stored for the first time
 * @param updated accounts whose data changed
 * @param unchanged accounts already up to date
 * @param failed entries skipped (missing or malformed attribute, duplicate directory id)
 * @param failures {@code "dn: reason"} of the first skipped entries (at most
 * {@value SyncRun#MAX_REPORTED_FAILURES})
 * @param error why the run stopped early (directory unreachable, bind refused, database), or
 * {@code null} when it read the directory to the end
 */
public record SyncResult(String libraryCode, int read, int created, int updated, int unchanged, int failed,
		List<String> failures, Instant started, Instant finished, String error) {

	public SyncResult {
		failures = List.copyOf(failures);
	}

	public boolean completed() {
		return this.error == null;
	}

	public Duration duration() {
		return Duration.between(this.started, this.finished);
	}

}

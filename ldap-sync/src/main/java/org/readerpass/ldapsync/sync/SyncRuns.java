package org.readerpass.ldapsync.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The record of every sync run, for operators and the admin UI. */
public interface SyncRuns {

	void record(SyncResult result);

	/** The library's latest runs, newest first. */
	List<SyncResult> latest(String libraryCode, int limit);

	/** The library's latest runs of one kind, newest first. */
	List<SyncResult> latest(String libraryCode, SyncKind kind, int limit);

	Optional<SyncResult> find(UUID runId);

	/**
	 * The library's high-water mark: the latest change timestamp (the directory's clock) of the
	 * entries read by its complete runs, with the duration of the run that read it, or empty before
	 * the first complete run that read one. {@link #record} moves it forward, never back, for a
	 * complete run.
	 */
	Optional<HighWaterMark> highWaterMark(String libraryCode);

	/** The library's stored content-sync cookie (RFC 4533), or empty. */
	Optional<byte[]> cookie(String libraryCode);

	/** Stores the library's content-sync cookie, replacing the one before. */
	void saveCookie(String libraryCode, byte[] cookie, UUID runId, Instant at);

	/** Forgets the library's content-sync cookie (the directory no longer knows it). */
	void clearCookie(String libraryCode);

}

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
	 * The library's high-water mark: the directory's time at the start of its latest complete run
	 * (full or incremental; or a lower bound of it when the directory cannot tell its time), or empty
	 * before the first complete run that set one. {@link #record} moves it forward to a complete
	 * run's {@link SyncResult#highWaterMark()}, never back. A mark stored by an earlier version keeps
	 * its run's duration ({@link HighWaterMark#readFrom()}).
	 */
	Optional<HighWaterMark> highWaterMark(String libraryCode);

	/** The library's stored content-sync cookie (RFC 4533), or empty. */
	Optional<byte[]> cookie(String libraryCode);

	/** Stores the library's content-sync cookie, replacing the one before. */
	void saveCookie(String libraryCode, byte[] cookie, UUID runId, Instant at);

	/** Forgets the library's content-sync cookie (the directory no longer knows it). */
	void clearCookie(String libraryCode);

}

package org.readerpass.policy.testsupport;

import java.time.Instant;
import java.util.UUID;

import org.readerpass.policy.reader.ReaderContext;

/** Readers for evaluator tests. */
public final class TestReaders {

	public static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	public static final UUID READER = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	public static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

	private TestReaders() {
	}

	/** A reader of Zhuji, nothing else known, at {@link #NOW}, address unknown. */
	public static ReaderContext zhujiReader() {
		return ReaderContext.of(READER, ACCOUNT, "zj.sx.zhuji", NOW);
	}

}

package org.readerpass.ldapsync.linking;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Row ids that sort in the order they were made: RFC 9562 version 7 UUIDs (48 bits of Unix time in
 * milliseconds, then 74 random bits). A B-tree index over such ids grows at its right edge, so a
 * million inserted accounts touch a few hot index pages instead of every page of a random-id index
 * (which, once larger than PostgreSQL's shared buffers, costs a page eviction and a full-page WAL
 * image per insert: see docs/benchmarks.md).
 *
 * <p>
 * Used for ids that stay inside ReaderPass (accounts, links). Not for the reader (person) id: it is
 * the tokens' {@code sub}, and a time-ordered {@code sub} would tell every client when the person
 * was first seen.
 */
final class TimeOrderedIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final LongSupplier millis;

	TimeOrderedIds() {
		this(System::currentTimeMillis);
	}

	TimeOrderedIds(LongSupplier millis) {
		this.millis = millis;
	}

	UUID next() {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long time = this.millis.getAsLong() & 0xFFFF_FFFF_FFFFL;
		long randA = ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
		long high = (time << 16) | 0x7000L | randA;
		long randB = 0;
		for (int i = 2; i < 10; i++) {
			randB = (randB << 8) | (random[i] & 0xFFL);
		}
		long low = 0x8000_0000_0000_0000L | (randB & 0x3FFF_FFFF_FFFF_FFFFL);
		return new UUID(high, low);
	}

}

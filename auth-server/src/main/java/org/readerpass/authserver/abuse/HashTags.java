package org.readerpass.authserver.abuse;

import java.util.List;

/**
 * Redis Cluster hash tags: Redis Cluster places a key by the part between its first <code>{</code>
 * and the next <code>}</code> (when not empty), else by the whole key; keys with one tag lie in one
 * slot, so that one script may read or write them all. {@link Counters}' operations on several keys
 * require one tag of them, in every store, so that a test on one node finds a key set a cluster would
 * refuse.
 */
final class HashTags {

	private HashTags() {
	}

	/** The key's hash tag as Redis Cluster reads it. */
	static String of(String key) {
		int open = key.indexOf('{');
		if (open >= 0) {
			int close = key.indexOf('}', open + 1);
			if (close > open + 1) {
				return key.substring(open + 1, close);
			}
		}
		return key;
	}

	/** {@code part} as a key's hash tag; it must not hold braces itself. */
	static String tag(String part) {
		if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
			throw new IllegalArgumentException("A hash tag holds no braces");
		}
		return "{" + part + "}";
	}

	/** @throws IllegalArgumentException unless all the keys have one hash tag */
	static void requireOne(List<String> keys) {
		if (keys.stream().map(HashTags::of).distinct().count() > 1) {
			throw new IllegalArgumentException("Keys of one operation must share one hash tag ({…}): " + keys.size()
					+ " keys with " + keys.stream().map(HashTags::of).distinct().count() + " tags");
		}
	}

}

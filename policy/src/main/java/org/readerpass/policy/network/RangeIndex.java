package org.readerpass.policy.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Answers "what covers this address" by binary search over disjoint segments, whatever the
 * number of ranges: the ranges' starts and ends cut each address family into segments, and
 * every segment carries the value precomputed from the entries covering it. A lookup allocates
 * nothing and returns the same value object for every address of a segment.
 *
 * @param <R> the precomputed value of a segment
 */
final class RangeIndex<R> {

	private final Family<R> ipv4;

	private final Family<R> ipv6;

	private RangeIndex(Family<R> ipv4, Family<R> ipv6) {
		this.ipv4 = ipv4;
		this.ipv6 = ipv6;
	}

	/**
	 * Builds the index.
	 * @param entries each range with the item it belongs to
	 * @param combine turns the items covering a segment into its value; called with an empty
	 * list for addresses nothing covers
	 */
	static <T, R> RangeIndex<R> build(List<Entry<T>> entries, Function<List<T>, R> combine) {
		R empty = combine.apply(List.of());
		return new RangeIndex<>(Family.build(entries, 4, combine, empty), Family.build(entries, 16, combine, empty));
	}

	/** The value of the segment holding the address (4 or 16 bytes). */
	R lookup(byte[] address) {
		return (address.length == 4) ? this.ipv4.lookup(address) : this.ipv6.lookup(address);
	}

	record Entry<T>(IpRange range, T item) {
	}

	private static final class Family<R> {

		/** Segment {@code i} covers {@code [starts[i], starts[i + 1])}, the last one to the top. */
		private final byte[][] starts;

		private final Object[] values;

		private final R empty;

		private Family(byte[][] starts, Object[] values, R empty) {
			this.starts = starts;
			this.values = values;
			this.empty = empty;
		}

		static <T, R> Family<R> build(List<Entry<T>> entries, int length, Function<List<T>, R> combine, R empty) {
			List<Entry<T>> family = entries.stream().filter(entry -> entry.range().first().length == length).toList();
			TreeSet<byte[]> boundaries = new TreeSet<>(Arrays::compareUnsigned);
			for (Entry<T> entry : family) {
				boundaries.add(entry.range().first());
				byte[] next = increment(entry.range().last());
				if (next != null) {
					boundaries.add(next);
				}
			}
			byte[][] starts = boundaries.toArray(new byte[0][]);
			Object[] values = new Object[starts.length];
			for (int i = 0; i < starts.length; i++) {
				List<T> covering = new ArrayList<>();
				for (Entry<T> entry : family) {
					if (Arrays.compareUnsigned(entry.range().first(), starts[i]) <= 0
							&& Arrays.compareUnsigned(starts[i], entry.range().last()) <= 0) {
						covering.add(entry.item());
					}
				}
				values[i] = covering.isEmpty() ? empty : combine.apply(List.copyOf(covering));
			}
			return new Family<>(starts, values, empty);
		}

		@SuppressWarnings("unchecked")
		R lookup(byte[] address) {
			int low = 0;
			int high = this.starts.length - 1;
			int found = -1;
			while (low <= high) {
				int middle = (low + high) >>> 1;
				if (Arrays.compareUnsigned(this.starts[middle], address) <= 0) {
					found = middle;
					low = middle + 1;
				}
				else {
					high = middle - 1;
				}
			}
			return (found < 0) ? this.empty : (R) this.values[found];
		}

		/** The next address, or {@code null} past the family's last address. */
		private static byte[] increment(byte[] address) {
			byte[] next = address.clone();
			for (int i = next.length - 1; i >= 0; i--) {
				next[i]++;
				if (next[i] != 0) {
					return next;
				}
			}
			return null;
		}

	}

}

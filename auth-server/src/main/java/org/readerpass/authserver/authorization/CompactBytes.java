package org.readerpass.authserver.authorization;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The bytes of the compact forms — {@link CompactAuthorizations}, and sessions' values in the
 * {@code session} package: variable-length integers (zigzag for signed ones),
 * length-prefixed UTF-8 strings (0 for null), instants and UUIDs behind a presence byte. Reading
 * checks every length and count against the bytes left, so bad bytes fail with
 * {@link IllegalArgumentException} and never allocate beyond their own size.
 */
public final class CompactBytes {

	private CompactBytes() {
	}

	/** Thrown while writing when the value holds what the compact form cannot carry; the codec then uses Java
	 * serialization. */
	public static final class Unencodable extends RuntimeException {

		Unencodable() {
			super(null, null, false, false);
		}

	}

	/** A growing byte buffer. */
	public static final class Out implements CompactForm.Writer {

		private byte[] bytes;

		private int size;

		public Out(int capacity) {
			this.bytes = new byte[capacity];
		}

		public byte[] toByteArray() {
			return Arrays.copyOf(this.bytes, this.size);
		}

		void raw(byte[] values) {
			ensure(values.length);
			System.arraycopy(values, 0, this.bytes, this.size, values.length);
			this.size += values.length;
		}

		public void tag(int tag) {
			ensure(1);
			this.bytes[this.size++] = (byte) tag;
		}

		void varint(long value) {
			ensure(10);
			long rest = value;
			while ((rest & ~0x7FL) != 0) {
				this.bytes[this.size++] = (byte) ((rest & 0x7F) | 0x80);
				rest >>>= 7;
			}
			this.bytes[this.size++] = (byte) rest;
		}

		public void zigzag(long value) {
			varint((value << 1) ^ (value >> 63));
		}

		void fixed64(long value) {
			ensure(8);
			for (int shift = 56; shift >= 0; shift -= 8) {
				this.bytes[this.size++] = (byte) (value >>> shift);
			}
		}

		/** A string, or null: its UTF-8 length plus one (0 for null), then the bytes. */
		@Override
		public void string(String value) {
			if (value == null) {
				varint(0);
				return;
			}
			if (!wellFormed(value)) {
				throw new Unencodable(); // UTF-8 would replace a lone surrogate; Java serialization keeps it
			}
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			varint(utf8.length + 1L);
			raw(utf8);
		}

		/** Whether every surrogate in {@code value} is half of a pair. */
		private static boolean wellFormed(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (Character.isHighSurrogate(c) && i + 1 < value.length()
						&& Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
				}
				else if (Character.isSurrogate(c)) {
					return false;
				}
			}
			return true;
		}

		void strings(Set<String> values) {
			varint(values.size());
			for (String value : values) {
				if (value == null) {
					throw new Unencodable();
				}
				string(value);
			}
		}

		void bytes(byte[] values) {
			varint(values.length);
			raw(values);
		}

		/** An instant, or null: 0, or 1 then its seconds and nanoseconds. */
		@Override
		public void instant(Instant value) {
			if (value == null) {
				tag(0);
				return;
			}
			tag(1);
			zigzag(value.getEpochSecond());
			varint(value.getNano());
		}

		@Override
		public void uuid(UUID value) {
			if (value == null) {
				tag(0);
				return;
			}
			tag(1);
			fixed64(value.getMostSignificantBits());
			fixed64(value.getLeastSignificantBits());
		}

		private void ensure(int more) {
			if (this.size + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + more));
			}
		}

	}

	/** Reads what {@link Out} wrote, checking every length against the bytes left. */
	public static final class In implements CompactForm.Reader {

		private final byte[] bytes;

		private int position;

		private final int end;

		public In(byte[] bytes, int offset) {
			this.bytes = bytes;
			this.position = offset;
			this.end = bytes.length;
		}

		public boolean atEnd() {
			return this.position == this.end;
		}

		public int tag() {
			need(1);
			return this.bytes[this.position++] & 0xFF;
		}

		long varint() {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				int b = tag();
				value |= (long) (b & 0x7F) << shift;
				if ((b & 0x80) == 0) {
					return value;
				}
			}
			throw new IllegalArgumentException("a malformed number");
		}

		/** A count of things, each of which takes at least {@code minimumBytes}: never more than the bytes left allow. */
		int count(int minimumBytes) {
			long count = varint();
			if (count < 0 || count > (long) (this.end - this.position) / minimumBytes) {
				throw new IllegalArgumentException("a count beyond the bytes left");
			}
			return (int) count;
		}

		public long zigzag() {
			long raw = varint();
			return (raw >>> 1) ^ -(raw & 1);
		}

		long fixed64() {
			need(8);
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (this.bytes[this.position++] & 0xFF);
			}
			return value;
		}

		@Override
		public String string() {
			long length = varint();
			if (length == 0) {
				return null;
			}
			int bytes = length(length - 1);
			String value = new String(this.bytes, this.position, bytes, StandardCharsets.UTF_8);
			this.position += bytes;
			return value;
		}

		Set<String> strings() {
			int size = count(1);
			Set<String> values = new LinkedHashSet<>();
			for (int i = 0; i < size; i++) {
				String value = string();
				if (value == null) {
					throw new IllegalArgumentException("a null in a set of strings");
				}
				values.add(value);
			}
			return values;
		}

		byte[] bytes() {
			int length = length(varint());
			byte[] value = Arrays.copyOfRange(this.bytes, this.position, this.position + length);
			this.position += length;
			return value;
		}

		@Override
		public Instant instant() {
			if (tag() == 0) {
				return null;
			}
			long seconds = zigzag();
			long nanos = varint();
			if (nanos < 0 || nanos > 999_999_999L) {
				throw new IllegalArgumentException("a malformed instant");
			}
			return Instant.ofEpochSecond(seconds, nanos);
		}

		@Override
		public UUID uuid() {
			return (tag() == 0) ? null : new UUID(fixed64(), fixed64());
		}

		private int length(long length) {
			if (length < 0 || length > this.end - this.position) {
				throw new IllegalArgumentException("a length beyond the bytes left");
			}
			return (int) length;
		}

		private void need(int count) {
			if (this.end - this.position < count) {
				throw new IllegalArgumentException("the bytes end early");
			}
		}

	}

}

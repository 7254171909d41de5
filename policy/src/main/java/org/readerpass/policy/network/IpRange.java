package org.readerpass.policy.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * An inclusive range of IPv4 or IPv6 addresses, written as {@code start-end} (the report's
 * {@code 10.30.48.1～10.30.63.254} style, {@code ～} accepted too) or as CIDR
 * ({@code 10.16.2.224/29}). Parsing never resolves a host name: only literal addresses are
 * accepted.
 */
public final class IpRange {

	private final byte[] start;

	private final byte[] end;

	private final String text;

	private IpRange(byte[] start, byte[] end, String text) {
		this.start = start;
		this.end = end;
		this.text = text;
	}

	/** Used by configuration binding (String to IpRange). */
	public static IpRange of(String text) {
		Objects.requireNonNull(text, "text");
		String value = text.strip().replace('～', '-').replace('~', '-');
		int slash = value.indexOf('/');
		if (slash > 0) {
			return cidr(value.substring(0, slash).strip(), value.substring(slash + 1).strip(), text);
		}
		int dash = value.indexOf('-');
		if (dash > 0) {
			byte[] first = literal(value.substring(0, dash).strip());
			byte[] last = literal(value.substring(dash + 1).strip());
			if (first.length != last.length) {
				throw new IllegalArgumentException("IP range '" + text + "' mixes IPv4 and IPv6");
			}
			if (compare(first, last) > 0) {
				throw new IllegalArgumentException("IP range '" + text + "' starts after it ends");
			}
			return new IpRange(first, last, value);
		}
		byte[] single = literal(value);
		return new IpRange(single, single, value);
	}

	private static IpRange cidr(String address, String prefixText, String text) {
		byte[] base = literal(address);
		int bits = base.length * 8;
		int prefix;
		try {
			prefix = Integer.parseInt(prefixText);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("IP range '" + text + "' has a bad prefix length");
		}
		if (prefix < 0 || prefix > bits) {
			throw new IllegalArgumentException("IP range '" + text + "' prefix must be 0.." + bits);
		}
		byte[] first = base.clone();
		byte[] last = base.clone();
		for (int bit = prefix; bit < bits; bit++) {
			int index = bit / 8;
			int mask = 0x80 >>> (bit % 8);
			first[index] = (byte) (first[index] & ~mask);
			last[index] = (byte) (last[index] | mask);
		}
		return new IpRange(first, last, text.strip());
	}

	private static byte[] literal(String address) {
		return IpLiterals.parse(address)
			.orElseThrow(() -> new IllegalArgumentException("'" + address + "' is not an IP address literal"))
			.getAddress();
	}

	public boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == this.start.length && compare(this.start, bytes) <= 0 && compare(bytes, this.end) <= 0;
	}

	/** The first address, not copied: for this package's indexes only. */
	byte[] first() {
		return this.start;
	}

	/** The last address, not copied: for this package's indexes only. */
	byte[] last() {
		return this.end;
	}

	public boolean isIpv6() {
		return this.start.length == 16;
	}

	/** Number of addresses in the range (for reports; IPv6 ranges can be huge). */
	public BigInteger size() {
		return new BigInteger(1, this.end).subtract(new BigInteger(1, this.start)).add(BigInteger.ONE);
	}

	private static int compare(byte[] left, byte[] right) {
		return Arrays.compareUnsigned(left, right);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IpRange that && Arrays.equals(this.start, that.start) && Arrays.equals(this.end, that.end);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.start) + Arrays.hashCode(this.end);
	}

	@Override
	public String toString() {
		return this.text;
	}

}

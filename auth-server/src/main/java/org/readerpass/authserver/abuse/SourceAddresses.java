package org.readerpass.authserver.abuse;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/** A source address as counted: IPv4 whole, IPv6 as its /64 (which one subscriber usually holds whole). */
public final class SourceAddresses {

	private SourceAddresses() {
	}

	/** The address's key; one key, {@code unknown}, for every request whose address is unknown. */
	public static String key(Optional<InetAddress> address) {
		if (address.isEmpty()) {
			return "unknown";
		}
		if (address.get() instanceof Inet6Address ipv6) {
			byte[] prefix = Arrays.copyOf(ipv6.getAddress(), 16);
			Arrays.fill(prefix, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("16 bytes are an IPv6 address", ex);
			}
		}
		return address.get().getHostAddress();
	}

}

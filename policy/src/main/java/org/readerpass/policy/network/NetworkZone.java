package org.readerpass.policy.network;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named part of the network's address plan that is not one library's own ranges, such as the
 * whole Shaoxing city network {@code 10.30.0.1-10.31.255.254}. Grants name it in an
 * "in zone" network condition.
 *
 * @param name lower-case name such as {@code sx-city}
 * @param ipRanges the zone's ranges (at least one)
 */
public record NetworkZone(String name, List<IpRange> ipRanges) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

	public NetworkZone {
		if (!isValidName(name)) {
			throw new IllegalArgumentException("zone name '" + name + "' must be lower-case letters, digits and '-'");
		}
		ipRanges = List.copyOf(Objects.requireNonNull(ipRanges, "ipRanges"));
		if (ipRanges.isEmpty()) {
			throw new IllegalArgumentException("zone '" + name + "' needs at least one IP range");
		}
	}

	public static boolean isValidName(String name) {
		return name != null && NAME.matcher(name).matches();
	}

	/** By scanning the zone's ranges; {@link NetworkPlan#locate} answers for every zone at once. */
	public boolean contains(InetAddress address) {
		return this.ipRanges.stream().anyMatch(range -> range.contains(address));
	}

}

package org.readerpass.policy.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The network's address plan: the library tree with each library's own ranges, plus named
 * zones. Immutable; {@link #locate} is a binary search over every range at once, so its cost
 * does not grow with the number of libraries or zones.
 */
public final class NetworkPlan {

	private final LibraryTree tree;

	private final Map<String, NetworkZone> zones;

	private final RangeIndex<Location> index;

	private NetworkPlan(LibraryTree tree, Map<String, NetworkZone> zones) {
		this.tree = tree;
		this.zones = zones;
		List<RangeIndex.Entry<Object>> entries = new ArrayList<>();
		for (Library library : tree.libraries()) {
			library.ipRanges().forEach(range -> entries.add(new RangeIndex.Entry<>(range, library)));
		}
		for (NetworkZone zone : zones.values()) {
			zone.ipRanges().forEach(range -> entries.add(new RangeIndex.Entry<>(range, zone)));
		}
		this.index = RangeIndex.build(entries, NetworkPlan::location);
	}

	/** Builds the plan; zone names must be unique (every duplicate reported at once). */
	public static NetworkPlan of(LibraryTree tree, Collection<NetworkZone> zones) {
		Objects.requireNonNull(tree, "tree");
		Map<String, NetworkZone> byName = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (NetworkZone zone : zones) {
			if (byName.putIfAbsent(zone.name(), zone) != null) {
				problems.add("zone '" + zone.name() + "' is defined twice");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return new NetworkPlan(tree, byName);
	}

	/** A plan with libraries only. */
	public static NetworkPlan of(LibraryTree tree) {
		return of(tree, List.of());
	}

	private static Location location(List<Object> items) {
		List<Library> libraries = new ArrayList<>();
		List<NetworkZone> zones = new ArrayList<>();
		for (Object item : items) {
			if (item instanceof Library library) {
				libraries.add(library);
			}
			else {
				zones.add((NetworkZone) item);
			}
		}
		return Location.of(libraries, zones);
	}

	/**
	 * Where the address lies; a location with no library and no zone when the plan does not
	 * cover it. An IPv4-mapped IPv6 literal is already an IPv4 address in Java.
	 */
	public Location locate(InetAddress address) {
		return this.index.lookup(address.getAddress());
	}

	public LibraryTree tree() {
		return this.tree;
	}

	public Collection<NetworkZone> zones() {
		return Collections.unmodifiableCollection(this.zones.values());
	}

	public Optional<NetworkZone> findZone(String name) {
		return Optional.ofNullable(this.zones.get(name));
	}

}

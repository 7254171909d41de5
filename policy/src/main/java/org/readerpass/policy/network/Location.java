package org.readerpass.policy.network;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where an address lies in the network plan: the libraries whose own ranges hold it, and the
 * named zones that do. Answers the on-site questions of grant conditions with set look-ups.
 * Instances are precomputed per address segment by {@link NetworkPlan}, so locating an address
 * allocates no location.
 */
public final class Location {

	static final Location NOWHERE = new Location(Set.of(), Set.of(), Set.of());

	private final Set<String> libraries;

	private final Set<String> subtrees;

	private final Set<String> zones;

	private Location(Set<String> libraries, Set<String> subtrees, Set<String> zones) {
		this.libraries = libraries;
		this.subtrees = subtrees;
		this.zones = zones;
	}

	static Location of(List<Library> libraries, List<NetworkZone> zones) {
		if (libraries.isEmpty() && zones.isEmpty()) {
			return NOWHERE;
		}
		Set<String> codes = libraries.stream().map(Library::code).collect(Collectors.toUnmodifiableSet());
		Set<String> subtrees = libraries.stream()
			.flatMap(library -> Stream.iterate(library.code(), code -> code != null, Location::parent))
			.collect(Collectors.toUnmodifiableSet());
		Set<String> names = zones.stream().map(NetworkZone::name).collect(Collectors.toUnmodifiableSet());
		return new Location(codes, subtrees, names);
	}

	private static String parent(String code) {
		int dot = code.lastIndexOf('.');
		return (dot < 0) ? null : code.substring(0, dot);
	}

	/** Codes of the libraries whose own ranges hold the address (normally zero or one). */
	public Set<String> libraryCodes() {
		return this.libraries;
	}

	/** Names of the zones holding the address. */
	public Set<String> zoneNames() {
		return this.zones;
	}

	/** On site at exactly this library: its own ranges hold the address. */
	public boolean isAtLibrary(String code) {
		return this.libraries.contains(code);
	}

	/** On site at some library of the subtree rooted at {@code code}. */
	public boolean isWithin(String code) {
		return this.subtrees.contains(code);
	}

	public boolean isInZone(String name) {
		return this.zones.contains(name);
	}

	@Override
	public String toString() {
		return "Location[libraries=" + this.libraries + ", zones=" + this.zones + "]";
	}

}

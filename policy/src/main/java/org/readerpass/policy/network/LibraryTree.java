package org.readerpass.policy.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The library network: one root, every other library's parent present. Immutable. */
public final class LibraryTree {

	private final Map<String, Library> byCode;

	private final RangeIndex<List<Library>> byAddress;

	private LibraryTree(Map<String, Library> byCode) {
		this.byCode = byCode;
		List<RangeIndex.Entry<Library>> entries = new ArrayList<>();
		for (Library library : byCode.values()) {
			for (IpRange range : library.ipRanges()) {
				entries.add(new RangeIndex.Entry<>(range, library));
			}
		}
		this.byAddress = RangeIndex.build(entries, libraries -> List.copyOf(new LinkedHashSet<>(libraries)));
	}

	/**
	 * Builds the tree, reporting every problem at once (duplicate codes, missing parents,
	 * more than one root).
	 */
	public static LibraryTree of(Collection<Library> libraries) {
		Map<String, Library> byCode = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (Library library : libraries) {
			if (byCode.putIfAbsent(library.code(), library) != null) {
				problems.add("library '" + library.code() + "' is defined twice");
			}
		}
		List<String> roots = new ArrayList<>();
		for (Library library : byCode.values()) {
			String parent = library.parentCode();
			if (parent == null) {
				roots.add(library.code());
			}
			else if (!byCode.containsKey(parent)) {
				problems.add("library '" + library.code() + "' has no parent library '" + parent + "'");
			}
		}
		if (roots.size() != 1) {
			problems.add("the network needs exactly one root library, found " + roots);
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return new LibraryTree(byCode);
	}

	public Optional<Library> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	public Collection<Library> libraries() {
		return Collections.unmodifiableCollection(this.byCode.values());
	}

	/**
	 * The libraries whose own ranges contain the address (normally zero or one), found by
	 * binary search over the ranges of every library.
	 */
	public List<Library> librariesAt(InetAddress address) {
		return this.byAddress.lookup(address.getAddress());
	}

}

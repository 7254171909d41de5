package org.readerpass.authserver.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * The {@code directories} health component: one component per library, named by its code. Being
 * asked for all of them starts every stale library's probe at once, so that the components wait
 * together, not one after another: a health request takes at most about one time box, however
 * many libraries are down. Not a member of the readiness group: one library's outage must not
 * take the node out of the load balancer (every other library's readers still sign in there).
 */
final class DirectoryHealth implements CompositeHealthContributor {

	private final Map<String, LibraryDirectoryHealth> libraries;

	/** @param libraries by library code, in configuration order */
	DirectoryHealth(Map<String, LibraryDirectoryHealth> libraries) {
		this.libraries = Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
	}

	@Override
	public HealthContributor getContributor(String name) {
		return this.libraries.get(name);
	}

	@Override
	public Stream<Entry> stream() {
		this.libraries.values().forEach(LibraryDirectoryHealth::refresh);
		return this.libraries.entrySet().stream().map((library) -> new Entry(library.getKey(), library.getValue()));
	}

}

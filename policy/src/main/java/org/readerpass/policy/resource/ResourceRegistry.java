package org.readerpass.policy.resource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.readerpass.policy.network.LibraryTree;

/**
 * Every resource, found by code or by audience. Audiences are matched as exact strings, as
 * OAuth matches redirect URIs: a client sends the {@code resource} value exactly as registered.
 * Each audience belongs to one resource, so a token for an audience carries one resource's
 * entitlements. Immutable.
 */
public final class ResourceRegistry {

	private final Map<String, Resource> byCode;

	private final Map<String, Resource> byAudience;

	private ResourceRegistry(Map<String, Resource> byCode, Map<String, Resource> byAudience) {
		this.byCode = byCode;
		this.byAudience = byAudience;
	}

	/**
	 * Builds the registry, reporting every problem at once: duplicate codes, an audience used
	 * twice, an owner library missing from the tree.
	 */
	public static ResourceRegistry of(Collection<Resource> resources, LibraryTree libraries) {
		Map<String, Resource> byCode = new LinkedHashMap<>();
		Map<String, Resource> byAudience = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (Resource resource : resources) {
			if (byCode.putIfAbsent(resource.code(), resource) != null) {
				problems.add("resource '" + resource.code() + "' is defined twice");
				continue;
			}
			Resource other = byAudience.putIfAbsent(resource.audience().toString(), resource);
			if (other != null) {
				problems.add("resources '" + other.code() + "' and '" + resource.code() + "' share the audience "
						+ resource.audience());
			}
			if (libraries.find(resource.ownerLibrary()).isEmpty()) {
				problems.add("resource '" + resource.code() + "' is owned by unknown library '"
						+ resource.ownerLibrary() + "'");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return new ResourceRegistry(Collections.unmodifiableMap(byCode), Map.copyOf(byAudience));
	}

	public Optional<Resource> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	/**
	 * The resource an RFC 8707 {@code resource} value names; empty when the value is malformed
	 * (not an absolute URI, or with a fragment) or names no resource. Both mean
	 * {@code invalid_target}.
	 */
	public Optional<Resource> findByAudience(String resource) {
		if (resource == null) {
			return Optional.empty();
		}
		try {
			return findByAudience(new URI(resource));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	public Optional<Resource> findByAudience(URI audience) {
		if (!audience.isAbsolute() || audience.getRawFragment() != null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.byAudience.get(audience.toString()));
	}

	/** In the order given to {@link #of}. */
	public Collection<Resource> resources() {
		return this.byCode.values();
	}

}

package org.readerpass.authserver.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.readerpass.adminui.grant.GrantRequest;
import org.readerpass.adminui.grant.ResourceRequest;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

/**
 * Resources and grants from a seed file (see {@code demo/demo-policy.yml}) in the shape of the
 * admin API's request bodies, so they are checked by the same rules as any admin's change.
 *
 * @param resources the resources to create
 * @param grants the grants to create (ids are given by the store)
 */
public record PolicySeed(List<ResourceRequest> resources, List<GrantRequest> grants) {

	public PolicySeed {
		resources = (resources != null) ? List.copyOf(resources) : List.of();
		grants = (grants != null) ? List.copyOf(grants) : List.of();
	}

	public static PolicySeed load(Resource location) {
		List<PropertySource<?>> sources;
		try {
			sources = new YamlPropertySourceLoader().load(location.getDescription(), location);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the policy seed " + location.getDescription(), ex);
		}
		return new Binder(ConfigurationPropertySources.from(sources)).bind("", Bindable.of(PolicySeed.class))
			.orElse(new PolicySeed(List.of(), List.of()));
	}

}

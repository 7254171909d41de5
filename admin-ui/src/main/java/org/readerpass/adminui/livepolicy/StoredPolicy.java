package org.readerpass.adminui.livepolicy;

import java.util.List;

import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.resource.Resource;

/**
 * The store's resources and grants as of one revision.
 *
 * @param revision the store's revision they were read at
 * @param resources ordered by code
 * @param grants ordered by resource code, then id
 * @param problems stored rows that could not be read, one line each (normally none)
 */
public record StoredPolicy(long revision, List<Resource> resources, List<Grant> grants, List<String> problems) {

	public StoredPolicy {
		resources = List.copyOf(resources);
		grants = List.copyOf(grants);
		problems = List.copyOf(problems);
	}

}

package org.readerpass.adminui.api;

import org.readerpass.adminui.store.AuditFormat;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.resource.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit's form of resources and grants: the admin API's own JSON ({@link ResourceResponse},
 * {@link GrantResponse}), written by a mapper of its own so that the application's Jackson
 * settings never change what is stored.
 */
public final class ApiAuditFormat implements AuditFormat {

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public String resource(Resource resource) {
		return this.json.writeValueAsString(ResourceResponse.of(resource));
	}

	@Override
	public String grant(Grant grant) {
		return this.json.writeValueAsString(GrantResponse.of(grant));
	}

}

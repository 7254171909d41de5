package org.readerpass.adminui.store;

import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.resource.Resource;

/**
 * How the audit writes a resource or grant: JSON text, normally the admin API's own form of it,
 * so that an entry's before and after read like what the API showed.
 */
public interface AuditFormat {

	String resource(Resource resource);

	String grant(Grant grant);

}

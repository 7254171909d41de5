package org.readerpass.adminui.audit;

import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.resource.Resource;

/**
 * The form an audit entry keeps a resource or grant in, before and after a change: JSON text that
 * reads like what the admin API showed ({@link #json()}).
 */
public interface AuditFormat {

	String resource(Resource resource);

	String grant(Grant grant);

	/**
	 * The audit's JSON: the fields the admin API shows for a resource or grant, in the same order,
	 * written by a mapper of its own so that the application's Jackson settings never change what
	 * is stored.
	 */
	static AuditFormat json() {
		return new JsonAuditFormat();
	}

}

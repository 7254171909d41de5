package org.readerpass.adminui.audit;

import java.util.List;

/**
 * The audit of every change to resources and grants, read newest first. Entries are written by
 * the policy store, each in its change's transaction ({@link JdbcAuditLog#recordResource},
 * {@link JdbcAuditLog#recordGrant}); the application adds its own changes, such as a signing key
 * rotation, the same way ({@link JdbcAuditLog#recordChange}).
 */
public interface AuditLog {

	/**
	 * Audit entries, newest first.
	 * @param limit at most this many (1 or more)
	 * @param beforeId only entries older than this id ({@code null}: from the newest)
	 */
	List<AuditEntry> entries(int limit, Long beforeId);

}

package org.readerpass.adminui.audit;

import java.time.Instant;

/**
 * One audited change.
 *
 * @param id increasing with time of writing
 * @param at when the change was made
 * @param actor who made it ({@link Actor#name()})
 * @param clientId the OAuth client used, or {@code null}
 * @param operation {@code create}, {@code update} or {@code delete}; {@code rotate} for a signing key
 * @param targetKind {@code resource} or {@code grant}; {@code signing-key} for the server's keys of one
 * algorithm
 * @param targetId the resource code or grant id; the algorithm for signing keys
 * @param revision the store revision the change produced; 0 for a change that is not the policy's
 * ({@link JdbcAuditLog#NO_POLICY_REVISION})
 * @param before the target as JSON before the change ({@code null} for a create)
 * @param after the target as JSON after the change ({@code null} for a delete)
 */
public record AuditEntry(long id, Instant at, String actor, String clientId, String operation, String targetKind,
		String targetId, long revision, String before, String after) {

	public static final String CREATE = "create";

	public static final String UPDATE = "update";

	public static final String DELETE = "delete";

	public static final String RESOURCE = "resource";

	public static final String GRANT = "grant";

}

/**
 * The audit of every change to resources and grants: who ({@link Actor}, named by the
 * application's {@link ActorResolver}), when, which change, and the target before and after.
 * <ul>
 * <li>the entry: {@link AuditEntry}; the form before and after are kept in: {@link AuditFormat}
 * ({@link AuditFormat#json()}: the same JSON the admin API shows, written by the audit itself);</li>
 * <li>the store part: {@link JdbcAuditLog} (table {@code policy_audit}), written by the policy store
 * inside each change's transaction, and by the application for its own changes (the server's signing
 * key rotations, {@link JdbcAuditLog#recordChange}), read through {@link AuditLog};</li>
 * <li>the API: {@code AuditController} ({@code GET /api/admin/audit}) and
 * {@link AuditEntryResponse}, declared by {@link AuditConfiguration}.</li>
 * </ul>
 * An audit page will live here too.
 */
package org.readerpass.adminui.audit;

/**
 * Resources and grants: what admins assign. Holds all of it, from the admin API to the tables:
 * <ul>
 * <li>the API: {@code ResourceController} ({@code /api/admin/resources}) and
 * {@code GrantController} ({@code /api/admin/grants}), their {@link ResourceRequest} /
 * {@link ResourceResponse} and {@link GrantRequest} / {@link GrantResponse}, declared by
 * {@link GrantConfiguration};</li>
 * <li>the checks and the change: {@link PolicyAdministration} (validate with
 * {@code ResourceParser} / {@code GrantParser} → store with audit → signal the live policy), which
 * the API and auth-server's seed both use;</li>
 * <li>the store: {@link PolicyStore} and {@link JdbcPolicyStore} (tables {@code policy_resource},
 * {@code policy_grant}, {@code policy_revision}; each change's audit entry through
 * {@code audit.JdbcAuditLog}, in the same transaction). The store knows no web.</li>
 * </ul>
 * The admin pages for resources and grants will live here too, beside the API they share the
 * administration with.
 */
package org.readerpass.adminui.grant;

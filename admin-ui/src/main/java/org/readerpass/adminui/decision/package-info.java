/**
 * The admins' window onto the live policy: {@code GET /api/admin/policy} (the live snapshot's
 * revision, size and the stored entries it left out) and {@code GET /api/admin/decisions} (what a
 * reader may do with a resource now, and why: {@link DecisionResponse}), in
 * {@code LivePolicyController}, declared by {@link DecisionConfiguration}, for the readers
 * {@code ReaderContexts} reads. A "why (not)?" page will live here too.
 */
package org.readerpass.adminui.decision;

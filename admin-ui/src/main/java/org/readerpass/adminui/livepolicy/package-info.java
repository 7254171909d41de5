/**
 * The live policy: the snapshot every token is issued with. No web. {@link LivePolicy} is the
 * immutable snapshot built from the network plan and the stored policy ({@link PolicySource},
 * {@link StoredPolicy}), swapped whole when {@link PolicyChanges} signals a change
 * ({@link LocalPolicyChanges} on one node, {@link RedisPolicyChanges} across several) or a revision
 * poll finds one; {@link PolicyStatus} is the snapshot with its revision and what it left out. The
 * reader a decision is made for comes from ldap-sync's {@code SignedInReader}.
 */
package org.readerpass.adminui.livepolicy;

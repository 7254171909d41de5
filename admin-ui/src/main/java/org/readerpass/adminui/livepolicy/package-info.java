/**
 * The live policy: the snapshot every token is issued with, and what it needs to decide for a
 * reader. No web.
 * <ul>
 * <li>{@link LivePolicy}: the immutable snapshot built from the network plan and the stored
 * policy ({@link PolicySource}, {@link StoredPolicy}), swapped whole when {@link PolicyChanges}
 * signals a change ({@link LocalPolicyChanges} on one node; auth-server's Redis one across
 * several) or a revision poll finds one; {@link PolicyStatus} is the snapshot with its revision
 * and what it left out;</li>
 * <li>{@link ReaderContexts}: the evaluator's reader, built from ldap-sync's accounts, for the
 * token path (auth-server) and the decision explainer ({@code decision}).</li>
 * </ul>
 */
package org.readerpass.adminui.livepolicy;

/**
 * Directory sync runs as admins see and start them ({@code /api/admin/sync/**}):
 * {@code SyncRunController} lists a library's runs, runs a full or incremental sync now and confirms
 * a braked run's deletions, over ldap-sync's {@code FullSync}, {@code IncrementalSync},
 * {@code SyncRuns} and {@code RunningSyncs}; {@link SyncRunRequest}, {@link SyncRunResponse},
 * {@link RunningSyncResponse}; declared by {@link SyncRunConfiguration}. The store is ldap-sync's.
 * A sync page will live here too.
 */
package org.readerpass.adminui.sync;

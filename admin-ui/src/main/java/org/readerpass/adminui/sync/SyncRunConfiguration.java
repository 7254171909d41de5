package org.readerpass.adminui.sync;

import org.readerpass.adminui.audit.ActorResolver;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.sync.FullSync;
import org.readerpass.ldapsync.sync.IncrementalSync;
import org.readerpass.ldapsync.sync.RunningSyncs;
import org.readerpass.ldapsync.sync.SyncRuns;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sync runs API's controller ({@code /api/admin/sync/**}). Imported by
 * {@link org.readerpass.adminui.AdminUiConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class SyncRunConfiguration {

	/** The ldap-sync beans are optional: without them the sync endpoints answer 503. */
	@Bean
	SyncRunController adminSyncRunController(ObjectProvider<DirectoryConnectors> connectors,
			ObjectProvider<FullSync> fullSync, ObjectProvider<IncrementalSync> incrementalSync,
			ObjectProvider<SyncRuns> runs, ObjectProvider<RunningSyncs> running, ObjectProvider<ActorResolver> actors) {
		return new SyncRunController(connectors, fullSync, incrementalSync, runs, running,
				actors.getIfAvailable(ActorResolver::principalName));
	}

}

package org.readerpass.ldapsync;

import javax.sql.DataSource;

import org.readerpass.ldapsync.connector.ConnectorConfiguration;
import org.readerpass.ldapsync.connector.ldap.LdapConnectorConfiguration;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.lease.LeaseConfiguration;
import org.readerpass.ldapsync.linking.LinkingConfiguration;
import org.readerpass.ldapsync.sync.SyncConfiguration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The ldap-sync beans, for an application to {@code @Import}: it needs only a {@link DataSource}
 * with this module's Flyway migration applied, and {@code readerpass.directory.*} properties
 * ({@link DirectoryProperties}). Each feature declares its own beans, its implementations staying
 * package-private: the directories and their connectors ({@link LdapConnectorConfiguration}), the
 * password check ({@link ConnectorConfiguration}), the reader accounts and links
 * ({@link LinkingConfiguration}), the sync lease ({@link LeaseConfiguration}) and the sync itself
 * ({@link SyncConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
@Import({ LdapConnectorConfiguration.class, ConnectorConfiguration.class, LinkingConfiguration.class,
		LeaseConfiguration.class, SyncConfiguration.class })
public class LdapSyncConfiguration {

}

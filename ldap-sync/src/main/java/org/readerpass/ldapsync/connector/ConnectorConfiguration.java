package org.readerpass.ldapsync.connector;

import org.readerpass.ldapsync.password.PasswordVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The password check on the libraries' directories: a {@link PasswordVerifier} that asks the
 * {@link PasswordConnector} of an account's home library. The {@link DirectoryConnectors} come from
 * {@link org.readerpass.ldapsync.connector.ldap.LdapConnectorConfiguration}; both are imported by
 * {@link org.readerpass.ldapsync.LdapSyncConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorConfiguration {

	@Bean
	PasswordVerifier passwordVerifier(DirectoryConnectors connectors) {
		return new DirectoryPasswordVerifier(connectors);
	}

}

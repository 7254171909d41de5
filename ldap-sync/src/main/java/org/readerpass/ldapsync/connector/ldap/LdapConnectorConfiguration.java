package org.readerpass.ldapsync.connector.ldap;

import java.net.URI;
import java.util.List;

import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The libraries' directories: the embedded ones this node serves itself (libraries configured as
 * {@code embedded}) and an {@link LdapConnector} to each library's directory, embedded or not.
 * Imported by {@link org.readerpass.ldapsync.LdapSyncConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class LdapConnectorConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDirectories embeddedDirectories(DirectoryProperties properties) {
		return EmbeddedDirectories.start(properties);
	}

	/** Closed after the sync and the password checks that use them, before the embedded directories. */
	@Bean(destroyMethod = "close")
	DirectoryConnectors directoryConnectors(DirectoryProperties properties, EmbeddedDirectories embedded) {
		return new DirectoryConnectors(properties.libraries()
			.stream()
			.map((library) -> LdapConnector.create(library, urls(library, embedded), properties.zone()))
			.toList());
	}

	private static List<URI> urls(LibraryDirectory library, EmbeddedDirectories embedded) {
		return embedded.url(library.library()).map((url) -> List.of(URI.create(url))).orElse(library.urls());
	}

}

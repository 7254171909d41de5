package org.readerpass.ldapsync.connector.ldap;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;

/**
 * LDAP connectors as {@link LdapConnectorConfiguration} makes them, for tests outside this package
 * and for the benchmarks.
 */
public final class TestLdapConnectors {

	private TestLdapConnectors() {
	}

	/**
	 * The connector to a library's directory ({@link LdapConnector#create}): typed as the capability
	 * the sync reads first, it is also a {@code ChangeReader} and a {@code PasswordConnector}, and a
	 * {@code ContentSyncReader} when the library is configured for content sync. Close it when done.
	 */
	public static AccountReader create(LibraryDirectory directory, List<URI> urls, ZoneId zone) {
		return LdapConnector.create(directory, urls, zone);
	}

	/**
	 * A connector per configured library, each to its directory started in {@code directories}
	 * (as {@link LdapConnectorConfiguration} wires the embedded demo). Close them when done.
	 */
	public static DirectoryConnectors embedded(DirectoryProperties properties, EmbeddedDirectories directories) {
		return new DirectoryConnectors(properties.libraries()
			.stream()
			.map((library) -> create(library, List.of(URI.create(directories.url(library.library()).orElseThrow())),
					properties.zone()))
			.toList());
	}

}

package org.readerpass.ldapsync.embedded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;

/**
 * The embedded UnboundID directories of the libraries that have an {@code embedded} block (the
 * demo network): one in-memory server per library on 127.0.0.1, seeded from its LDIF. Tests stop
 * and start one to play a directory that is down.
 */
public final class EmbeddedDirectories implements AutoCloseable {

	private final Map<String, EmbeddedServer> servers;

	private EmbeddedDirectories(Map<String, EmbeddedServer> servers) {
		this.servers = servers;
	}

	/** Starts a directory for every library with an {@code embedded} block (none: nothing runs). */
	public static EmbeddedDirectories start(DirectoryProperties properties) {
		return start(properties.libraries());
	}

	public static EmbeddedDirectories start(List<LibraryDirectory> libraries) {
		Map<String, EmbeddedServer> servers = new LinkedHashMap<>();
		try {
			for (LibraryDirectory library : libraries) {
				if (library.embedded() != null) {
					servers.put(library.library(), EmbeddedServer.start(library));
				}
			}
		}
		catch (RuntimeException ex) {
			servers.values().forEach(EmbeddedServer::shutDown);
			throw ex;
		}
		return new EmbeddedDirectories(servers);
	}

	/** {@code ldap://127.0.0.1:<port>} of the library's embedded directory, if it has one. */
	public Optional<String> url(String library) {
		return Optional.ofNullable(this.servers.get(library)).map(EmbeddedServer::url);
	}

	/** Stops listening and drops every connection (no-op when stopped); the entries are kept for {@link #start(String)}. */
	public void stop(String library) {
		server(library).stopListening();
	}

	/** Listens again, on the same port (no-op when listening). */
	public void start(String library) {
		server(library).startListening();
	}

	@Override
	public void close() {
		this.servers.values().forEach(EmbeddedServer::shutDown);
	}

	private EmbeddedServer server(String library) {
		EmbeddedServer server = this.servers.get(library);
		if (server == null) {
			throw new IllegalArgumentException("no embedded directory for library " + library);
		}
		return server;
	}

}

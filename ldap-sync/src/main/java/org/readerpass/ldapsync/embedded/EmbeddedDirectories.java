package org.readerpass.ldapsync.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

	/**
	 * Starts the libraries' directories side by side, one per core at a time (reading an LDIF and
	 * building the server is CPU work: the demo network's nine took ~0.5 s of a node's start one
	 * after another). When one cannot start, those started are shut down and its error is thrown.
	 */
	public static EmbeddedDirectories start(List<LibraryDirectory> libraries) {
		List<LibraryDirectory> embedded = libraries.stream().filter((library) -> library.embedded() != null).toList();
		Map<String, EmbeddedServer> servers = new LinkedHashMap<>();
		if (embedded.isEmpty()) {
			return new EmbeddedDirectories(servers);
		}
		ExecutorService starting = Executors.newFixedThreadPool(
				Math.min(embedded.size(), Runtime.getRuntime().availableProcessors()), (task) -> {
					Thread thread = new Thread(task, "embedded-directory-start");
					thread.setDaemon(true);
					return thread;
				});
		List<Future<EmbeddedServer>> futures = new ArrayList<>();
		RuntimeException failure = null;
		try {
			embedded.forEach((library) -> futures.add(starting.submit(() -> EmbeddedServer.start(library))));
			for (int i = 0; i < embedded.size(); i++) {
				try {
					servers.put(embedded.get(i).library(), futures.get(i).get());
				}
				catch (ExecutionException ex) {
					if (failure == null) {
						failure = (ex.getCause() instanceof RuntimeException runtime) ? runtime
								: new IllegalStateException(ex.getCause());
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure = new IllegalStateException("interrupted while starting the embedded directories", ex);
		}
		finally {
			starting.shutdown();
		}
		if (failure != null) {
			// those still starting (after an interrupt) are waited for, then every started one is shut down
			boolean interrupted = Thread.interrupted();
			futures.forEach(EmbeddedDirectories::shutDownWhenStarted);
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			throw failure;
		}
		return new EmbeddedDirectories(servers);
	}

	private static void shutDownWhenStarted(Future<EmbeddedServer> future) {
		try {
			future.get().shutDown();
		}
		catch (ExecutionException ex) {
			// did not start: nothing to shut down
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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

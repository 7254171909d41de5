package org.readerpass.ldapsync.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The connectors of every configured library, by library code, in configuration order. */
public final class DirectoryConnectors implements AutoCloseable {

	private final Map<String, DirectoryConnector> connectors = new LinkedHashMap<>();

	public DirectoryConnectors(List<? extends DirectoryConnector> connectors) {
		for (DirectoryConnector connector : connectors) {
			if (this.connectors.putIfAbsent(connector.library(), connector) != null) {
				throw new IllegalArgumentException("two connectors for library " + connector.library());
			}
		}
	}

	public List<String> libraries() {
		return List.copyOf(this.connectors.keySet());
	}

	public Optional<AccountReader> accountReader(String library) {
		return capability(library, AccountReader.class);
	}

	public Optional<ChangeReader> changeReader(String library) {
		return capability(library, ChangeReader.class);
	}

	/** The library's connector when it reads changes by RFC 4533 content sync (configured so). */
	public Optional<ContentSyncReader> contentSyncReader(String library) {
		return capability(library, ContentSyncReader.class);
	}

	/** The library's connector when its directory can tell its own time. */
	public Optional<DirectoryClock> directoryClock(String library) {
		return capability(library, DirectoryClock.class);
	}

	public Optional<PasswordConnector> passwordConnector(String library) {
		return capability(library, PasswordConnector.class);
	}

	/** The library's connector when it can check that its directory answers (health checks). */
	public Optional<HealthProbe> healthProbe(String library) {
		return capability(library, HealthProbe.class);
	}

	private <T> Optional<T> capability(String library, Class<T> type) {
		return Optional.ofNullable(this.connectors.get(library)).filter(type::isInstance).map(type::cast);
	}

	@Override
	public void close() {
		List<RuntimeException> failures = new ArrayList<>();
		for (DirectoryConnector connector : this.connectors.values()) {
			try {
				connector.close();
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		}
		if (!failures.isEmpty()) {
			IllegalStateException failure = new IllegalStateException("closing directory connectors failed");
			failures.forEach(failure::addSuppressed);
			throw failure;
		}
	}

}

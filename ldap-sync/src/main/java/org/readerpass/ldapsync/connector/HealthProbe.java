package org.readerpass.ldapsync.connector;

/**
 * A connector that can tell whether its directory answers now, for health checks: one new
 * connection and one small request, within the connector's own connect and response timeouts.
 * It checks no password and holds no pooled connection, so it never competes with logins.
 */
public interface HealthProbe extends DirectoryConnector {

	/**
	 * Connects to the first reachable server and reads its root DSE (anonymous, one entry).
	 * @throws DirectoryException ({@link ReadFailure#UNREACHABLE}) when no server answers in time
	 */
	void probe() throws DirectoryException;

}

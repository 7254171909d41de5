package org.readerpass.ldapsync.connector.ldap;

import org.readerpass.ldapsync.password.Password;
import org.readerpass.ldapsync.password.PasswordResult;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks passwords by simple binds on a pool of connections used for nothing else (so a
 * connection left bound as a reader never searches). Connections are opened on demand: a
 * directory that is down at start-up does not stop the application.
 */
final class LdapPasswordBinds implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LdapPasswordBinds.class);

	private final String library;

	private final LDAPConnectionPool pool;

	LdapPasswordBinds(String library, ServerSet servers, int poolSize, long waitMillis) {
		this.library = library;
		try {
			this.pool = new LDAPConnectionPool(servers, null, 0, poolSize, null, false);
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("library " + library + ": cannot create the bind pool", ex);
		}
		this.pool.setConnectionPoolName("readerpass-bind-" + library);
		this.pool.setCreateIfNecessary(false);
		this.pool.setMaxWaitTimeMillis(waitMillis);
		this.pool.setMaxConnectionAgeMillis(10 * 60 * 1000L);
	}

	/** @param password never empty (see {@link Password}): an empty one would be an anonymous bind */
	PasswordResult verify(String dn, Password password) {
		if (dn == null || dn.isBlank()) {
			return PasswordResult.REJECTED;
		}
		try {
			return bind(dn, password);
		}
		catch (StaleConnectionException ex) {
			try {
				return bind(dn, password); // once more on a fresh connection (the directory may have restarted)
			}
			catch (StaleConnectionException again) {
				return PasswordResult.DIRECTORY_UNAVAILABLE;
			}
		}
	}

	private PasswordResult bind(String dn, Password password) throws StaleConnectionException {
		LDAPConnection connection;
		try {
			connection = this.pool.getConnection();
		}
		catch (LDAPException ex) {
			// why (down, refused, TLS not trusted …) is for the operator: the reader sees "unavailable"
			logger.warn("Password check: no connection to the directory library={}: {}", this.library,
					ex.getExceptionMessage());
			return PasswordResult.DIRECTORY_UNAVAILABLE;
		}
		try {
			connection.bind(new SimpleBindRequest(dn, password.reveal()));
			this.pool.releaseConnection(connection);
			return PasswordResult.VERIFIED;
		}
		catch (LDAPException ex) {
			ResultCode result = ex.getResultCode();
			if (!ResultCode.isConnectionUsable(result)) {
				this.pool.releaseDefunctConnection(connection);
				if (result == ResultCode.SERVER_DOWN) {
					throw new StaleConnectionException();
				}
				return PasswordResult.DIRECTORY_UNAVAILABLE;
			}
			this.pool.releaseConnection(connection);
			return isUnavailable(result) ? PasswordResult.DIRECTORY_UNAVAILABLE : PasswordResult.REJECTED;
		}
	}

	/** The server answered but cannot decide now: a right password must not look wrong. */
	private static boolean isUnavailable(ResultCode result) {
		return result == ResultCode.BUSY || result == ResultCode.UNAVAILABLE;
	}

	@Override
	public void close() {
		this.pool.close();
	}

	private static final class StaleConnectionException extends Exception {

		private static final long serialVersionUID = 1L;

		StaleConnectionException() {
			super(null, null, false, false);
		}

	}

}

package org.readerpass.ldapsync.connector.ldap;

import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.ReadFailure;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;

/**
 * Whether a directory answers: a new connection to the first reachable server (TLS and StartTLS
 * as configured) and an anonymous read of its root DSE. A server that answers the read with an
 * error (an ACL hiding the root DSE) still answered. The servers' connect and response timeouts
 * bound the wait.
 */
final class LdapProbe {

	private final ServerSet servers;

	LdapProbe(ServerSet servers) {
		this.servers = servers;
	}

	void probe() throws DirectoryException {
		LDAPConnection connection;
		try {
			connection = this.servers.getConnection();
		}
		catch (LDAPException ex) {
			throw new DirectoryException(ReadFailure.UNREACHABLE,
					"directory unreachable: " + PagedAccountSearch.describe(ex), ex);
		}
		try {
			connection.getRootDSE();
		}
		catch (LDAPException ex) {
			if (!ResultCode.isConnectionUsable(ex.getResultCode())) {
				throw new DirectoryException(ReadFailure.UNREACHABLE,
						"directory did not answer: " + PagedAccountSearch.describe(ex), ex);
			}
		}
		finally {
			connection.close();
		}
	}

}

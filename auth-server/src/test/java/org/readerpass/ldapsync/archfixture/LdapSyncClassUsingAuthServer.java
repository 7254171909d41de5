package org.readerpass.ldapsync.archfixture;

import org.readerpass.authserver.login.ReaderPrincipal;

/** A deliberate violation (ldap-sync must not depend on auth-server): proves the rules can fail. */
public class LdapSyncClassUsingAuthServer {

	public String subject(ReaderPrincipal principal) {
		return principal.subject();
	}

}
